// The wslab chat: STOMP 1.2 over a WebSocket (RFC 6455) in plain JavaScript, no library.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const state = $("chat-state"), messages = $("chat-messages"), errors = $("chat-errors");
  const encoder = new TextEncoder(), decoder = new TextDecoder("utf-8", { fatal: true });
  let version = "1.2";

  // tag::escape[]
  // STOMP 1.2 "Value Encoding": in header names and values \ CR LF and : are escaped
  // (1.1 has no \r; 1.0 escapes nothing; CONNECT and CONNECTED frames are never escaped).
  function encodeValue(value) {
    if (version === "1.0") return value;
    const escaped = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/:/g, "\\c");
    return version === "1.2" ? escaped.replace(/\r/g, "\\r") : escaped;
  }
  function decodeValue(value) {
    if (version === "1.0") return value;
    return value.replace(/\\([\s\S]?)/g, (all, c) => {
      switch (c) {
        case "\\": return "\\";
        case "n": return "\n";
        case "c": return ":";
        case "r": if (version === "1.2") return "\r"; // falls through: 1.1 has no \r
        default: throw new Error("undefined escape sequence \\" + c + " (STOMP " + version + " Value Encoding)");
      }
    });
  }
  // end::escape[]

  // tag::encode[]
  // A frame: the command, header lines, a blank line, the body, a NUL (STOMP 1.2 "STOMP Frames").
  function frame(command, headers, body) {
    const escape = command === "CONNECT" ? (v) => v : encodeValue;
    let head = command + "\n";
    for (const [name, value] of headers) head += escape(name) + ":" + escape(value) + "\n";
    if (body !== undefined) head += "content-length:" + encoder.encode(body).length + "\n";
    return head + "\n" + (body === undefined ? "" : body) + "\0";
  }
  // end::encode[]

  // tag::decode[]
  // The bytes received and not yet a whole frame: a frame may arrive split over several
  // WebSocket messages, and one message may hold several frames.
  let pending = new Uint8Array(0);

  function received(data) {
    const bytes = typeof data === "string" ? encoder.encode(data) : new Uint8Array(data);
    const joined = new Uint8Array(pending.length + bytes.length);
    joined.set(pending);
    joined.set(bytes, pending.length);
    pending = joined;
    for (let f = nextFrame(); f !== null; f = nextFrame()) handle(f);
  }

  // The first whole frame in `pending`, removed from it; null until one has arrived.
  function nextFrame() {
    let start = 0;
    while (start < pending.length && (pending[start] === 10 || pending[start] === 13)) start++; // heart-beats
    let headEnd = -1, bodyStart = -1;
    for (let i = start; i < pending.length && headEnd < 0; i++) {
      if (pending[i] !== 10) continue;
      if (pending[i + 1] === 10) { headEnd = i; bodyStart = i + 2; }
      else if (pending[i + 1] === 13 && pending[i + 2] === 10) { headEnd = i; bodyStart = i + 3; }
    }
    if (headEnd < 0) return null;
    const lines = decoder.decode(pending.subarray(start, headEnd)).split(/\r?\n/);
    const command = lines.shift();
    const unescape = command === "CONNECTED" ? (v) => v : decodeValue;
    const headers = new Map();
    for (const line of lines) {
      const colon = line.indexOf(":");
      if (colon < 0) throw new Error("a header line without a colon: " + line);
      const name = unescape(line.substring(0, colon));
      if (!headers.has(name)) headers.set(name, unescape(line.substring(colon + 1))); // the first one wins
    }
    let bodyEnd;
    if (headers.has("content-length")) {
      bodyEnd = bodyStart + Number.parseInt(headers.get("content-length"), 10);
      if (pending.length <= bodyEnd) return null;
      if (pending[bodyEnd] !== 0) throw new Error("no NUL after content-length bytes of " + command);
    } else {
      bodyEnd = pending.indexOf(0, bodyStart);
      if (bodyEnd < 0) return null;
    }
    const body = decoder.decode(pending.subarray(bodyStart, bodyEnd));
    pending = pending.slice(bodyEnd + 1);
    return { command, headers, body };
  }
  // end::decode[]

  function show(text) {
    state.textContent = text;
  }

  function shownError(text) {
    const li = document.createElement("li");
    li.textContent = text;
    errors.appendChild(li);
  }

  // tag::handle[]
  function handle(f) {
    switch (f.command) {
      case "CONNECTED":
        version = f.headers.get("version") || "1.0";
        show("connected: STOMP " + version + (f.headers.has("server") ? ", server " + f.headers.get("server") : ""));
        socket.send(frame("SUBSCRIBE", [["id", "chat-0"], ["destination", "/topic/chat"]]));
        break;
      case "MESSAGE": {
        const li = document.createElement("li");
        const author = document.createElement("span");
        author.className = "author";
        author.textContent = f.headers.get("author") || "(no author)";
        li.append(author, document.createTextNode(f.body)); // text, never parsed as HTML
        messages.appendChild(li);
        break;
      }
      case "ERROR":
        shownError("ERROR " + (f.headers.get("message") || "") + (f.body ? "\n" + f.body : ""));
        show("the broker sent an ERROR frame (it closes the connection after one)");
        break;
      default:
        break; // RECEIPT: not asked for
    }
  }
  // end::handle[]

  // tag::connect[]
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/websocket/app";
  const socket = new WebSocket(url, ["v12.stomp", "v11.stomp", "v10.stomp"]);
  socket.binaryType = "arraybuffer";
  show("connecting to " + url);
  socket.onopen = () => {
    version = { "v10.stomp": "1.0", "v11.stomp": "1.1" }[socket.protocol] || "1.2";
    show("WebSocket open (sub-protocol " + (socket.protocol || "none") + "); CONNECT sent");
    socket.send(frame("CONNECT", [["accept-version", "1.2,1.1,1.0"], ["host", location.hostname],
      ["heart-beat", "0,0"]]));
  };
  socket.onmessage = (event) => {
    try {
      received(event.data);
    } catch (e) {
      shownError("a frame this page cannot read: " + e.message);
      socket.close(1002, "bad STOMP frame");
    }
  };
  socket.onclose = (event) => show("closed: code " + event.code + (event.reason ? ", " + event.reason : ""));
  // end::connect[]

  // tag::send[]
  $("chat-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("chat-text").value;
    if (text === "" || socket.readyState !== WebSocket.OPEN) return;
    socket.send(frame("SEND", [["destination", "/topic/chat"], ["author", $("chat-author").value],
      ["content-type", "text/plain;charset=utf-8"]], text));
    $("chat-text").value = "";
  });
  // end::send[]
})();
