package org.wslab.lab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.lab.cli.Main;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.TestServer;

/**
 * {@code wslab load} on the command line: a usage error is one line on stderr and exit 2, never a
 * stack trace (DESIGN.md, "Command line conventions"); a real run writes its JSON, its interval log
 * and its page, and {@code load report} reads the log back to the same count.
 */
class LoadCommandTest {
    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one in-process run. */
    private record Ran(int code, String out, String err) {}

    private static Ran wslab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Ran(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"load", "load ws://127.0.0.1:1/ --rate 0", "load ws://127.0.0.1:1/ --connections 0",
        "load ws://127.0.0.1:1/ --size 8", "load ws://127.0.0.1:1/ --duration soon", "load http//nowhere",
        "load ws://127.0.0.1:1/ --mode stomp --ack sometimes", "load ws://127.0.0.1:1/ --window -1", "load report",
        "load report no-such.hlog", "load ws://127.0.0.1:1/ --connections 1 --duration 1s"})
    void aUsageOrConnectionErrorIsOneLineAndExitTwo(String line) {
        Ran r = wslab(line.split(" "));
        String facts = "exit " + r.code() + "\n" + r.out() + "\n---\n" + r.err();
        assertEquals(2, r.code(), facts);
        assertEquals(1, r.err().lines().count(), facts);
        assertTrue(r.err().startsWith("wslab: ") && !r.err().contains("\tat "), facts);
    }

    @Test
    void helpNamesTheIntendedSendTime() {
        Ran r = wslab("load", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("INTENDED") && r.out().contains("--hdr-log"), r.out());
    }

    @Test
    void aRunWritesItsJsonLogAndPageAndTheReportReadsTheLogBack() throws Exception {
        server.start(Engine.WSLAB);
        Path log = dir.resolve("run.hlog");
        Ran r = wslab("load", server.echoUri().toString(), "--connections", "5", "--rate", "10", "--duration", "1s",
                "--json", "--hdr-log", log.toString(), "--html", dir.resolve("page").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode json = org.wslab.lab.json.JsonSchemas.assertValid("load", r.out());
        assertEquals(json.get("sent").asLong(), json.get("received").asLong(), r.out());
        assertEquals(0, json.get("lost").asLong(), r.out());
        assertEquals(0, json.get("errors").asLong(), r.out());
        assertEquals(5, json.at("/settings/connections").asInt(), r.out());
        assertTrue(json.at("/latencyMs/p99").isNumber(), r.out());
        assertTrue(json.at("/verdict/passed").asBoolean() && json.at("/verdict/rule").isNull(), r.out());
        assertTrue(Files.readString(dir.resolve("page/index.html")).contains("latency.svg"));
        assertTrue(Files.readString(dir.resolve("page/latency.svg")).contains("<svg"));

        Ran merged = wslab("load", "report", log.toString(), log.toString(), "--json");
        assertEquals(0, merged.code(), merged.err());
        JsonNode m = org.wslab.lab.json.JsonSchemas.assertValid("load-report", merged.out());
        assertEquals(2 * json.get("received").asLong(), m.get("received").asLong(), merged.out());
        assertEquals(10, m.at("/handshakeMs/count").asLong(), merged.out());
    }
}
