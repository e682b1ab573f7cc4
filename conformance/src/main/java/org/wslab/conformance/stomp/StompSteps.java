package org.wslab.conformance.stomp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.Verdict;
import org.wslab.stomp.codec.StompCommand;

/**
 * The vocabulary STOMP cases are written in: frames as their STOMP text (templates, see
 * {@link StompRun}), what the server must answer, and the case itself. Ids are
 * {@code stomp.<group>.<n>}; rules cite {@code STOMP <version> §<section title>}.
 */
public final class StompSteps {
    private StompSteps() {}

    /** A STOMP case offering every STOMP sub-protocol; {@code steps} are {@link Step}s or lists of them. */
    public static ConformanceCase stompCase(int group, int n, String title, Rule rule, Strictness strictness, Object... steps) {
        List<Step> all = new ArrayList<>();
        for (Object s : steps) {
            if (s instanceof Step one) {
                all.add(one);
            } else if (s instanceof List<?> list) {
                list.forEach(x -> all.add((Step) x));
            } else {
                throw new IllegalArgumentException("not a step: " + s);
            }
        }
        return new ConformanceCase(CaseId.of("stomp", group, n), title, rule, StompScript.of(all), strictness);
    }

    /** A rule of the STOMP {@code version} specification, at the section titled {@code section}. */
    public static Rule rule(String version, String section, String statement) {
        return new Rule("STOMP " + version + " §" + section, statement);
    }

    /** CONNECT accepting {@code version} with a host, and CONNECTED naming it (kept as {@code connected}). */
    public static List<Step> connect(String version) {
        return connect(version, "");
    }

    /** {@link #connect(String)} with more CONNECT header lines, e.g. {@code "heart-beat:0,250\n"}. */
    public static List<Step> connect(String version, String moreHeaders) {
        return List.of(send("CONNECT\naccept-version:" + version + "\nhost:{host}\n" + moreHeaders + "\n\0"),
                expect(StompCommand.CONNECTED, HeaderCheck.is("version", version)).as("connected"));
    }

    /** A STOMP 1.0 CONNECT (no {@code accept-version}) and its CONNECTED (no version, or 1.0). */
    public static List<Step> connect10() {
        return List.of(send("CONNECT\n\n\0"),
                expect(StompCommand.CONNECTED, HeaderCheck.is("version", "1.0").ifMissing(Verdict.OK)).as("connected"));
    }

    /** SUBSCRIBE {@code id} to {@code destination} (a template) with {@code ack}, waiting for its RECEIPT. */
    public static List<Step> subscribe(String id, String destination, String ack) {
        return List.of(send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nack:" + ack + "\nreceipt:sub-" + id + "\n\n\0"),
                expect(StompCommand.RECEIPT, HeaderCheck.is("receipt-id", "sub-" + id)));
    }

    /** Each template as one WebSocket message, in one write. */
    public static Step send(String... messages) {
        return new Step.Send(null, List.of(messages));
    }

    /** {@link #send} described in words. */
    public static Step sendAs(String what, String... messages) {
        return new Step.Send(what, List.of(messages));
    }

    /** The next frame is {@code command} with these headers. */
    public static Expect expect(StompCommand command, HeaderCheck... headers) {
        return Expect.frame(command, headers);
    }

    /** A RECEIPT for {@code receipt}. */
    public static Expect receipt(String receipt) {
        return expect(StompCommand.RECEIPT, HeaderCheck.is("receipt-id", receipt));
    }

    /** ERROR then close; a server that goes on is NON_STRICT (STOMP leaves the ERROR itself a MAY). */
    public static Step error() {
        return new ExpectError(null, List.of(), true, Verdict.NON_STRICT);
    }

    /** ERROR naming {@code mention} (a regex) then close; a server that goes on is judged {@code ifIgnored}. */
    public static Step error(String mention, Verdict ifIgnored, HeaderCheck... headers) {
        return new ExpectError(mention, List.of(headers), true, ifIgnored);
    }

    /** ERROR then close, without the probe (the connection is already expected to end). */
    public static Step errorWithoutProbe(HeaderCheck... headers) {
        return new ExpectError(null, List.of(headers), false, Verdict.FAILED);
    }

    /** No frame for {@code millis} ms. */
    public static Step quiet(long millis, String why) {
        return new Step.Quiet(Duration.ofMillis(millis), why);
    }

    /** A pause of {@code millis} ms. */
    public static Step pause(long millis) {
        return new Step.Pause(Duration.ofMillis(millis));
    }

    /** The server closes the connection; still open at the deadline is {@code ifOpen}. */
    public static Step closes(Verdict ifOpen) {
        return new Step.Closes(ifOpen);
    }

    /** The handshake selected a STOMP sub-protocol; none is {@code ifNone}. */
    public static Step subprotocolChosen(Verdict ifNone) {
        return new Step.SubProtocol(ifNone);
    }

    /** The server beats at least every {@code max(sx, wantEvery)} ms. */
    public static Step serverBeats(long wantEvery) {
        return new HeartBeatStep(HeartBeatStep.Kind.SERVER_BEATS, wantEvery, 0);
    }

    /** The case beats every {@code every} ms, having promised {@code promise}; the server keeps it. */
    public static Step clientBeats(long promise, long every) {
        return new HeartBeatStep(HeartBeatStep.Kind.CLIENT_BEATS, promise, every);
    }

    /** The case promised beats every {@code promise} ms and stays silent; the server may drop it, not early. */
    public static Step silentClient(long promise) {
        return new HeartBeatStep(HeartBeatStep.Kind.SILENT_CLIENT, promise, 0);
    }

    /** These frames in any order. */
    public static Step anyOrder(Expect... expected) {
        return new Step.AnyOrder(List.of(expected));
    }

    /** Octets as one WebSocket message (binary when not UTF-8). */
    public static Step sendOctets(String what, byte[] octets) {
        return new Step.SendOctets(what, octets);
    }

    /** A frame of {@code head} (a template), {@code body} and its NUL, as one binary WebSocket message. */
    public static Step sendBinary(String what, String head, byte[] body) {
        return new SendBinary(what, head, body);
    }

    /** A template sent in WebSocket messages of {@code chars} characters each. */
    public static Step sendChopped(int chars, String template) {
        return new Step.SendChopped(template, chars);
    }

    /** {@code head}, {@code count} × {@code fill}, {@code tail}, made when played, in messages of {@code piece} octets. */
    public static Step sendLarge(String what, String head, char fill, int count, String tail, int piece) {
        return new Step.SendLarge(what, head, fill, count, tail, piece);
    }
}
