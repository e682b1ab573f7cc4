package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.wslab.stomp.peers.SpringStompPeer;

/**
 * {@code wslab check --serve 0 --suite stomp} judging a real third-party STOMP client, Spring's
 * {@code WebSocketStompClient}, used as its guide shows: connect, subscribe, send to the
 * subscription, take the MESSAGE, {@code disconnect()}. Once per case. Its verdicts are what
 * Spring 6 does on the wire, found by the checker and pinned here: its CONNECT carries no
 * {@code host} header, which STOMP 1.2 "CONNECT or STOMP Frame" says clients MUST set (FAILED, exit
 * 1, unless the application adds the header itself, which then passes); its {@code disconnect()}
 * sends no receipt header and closes at once, which the SHOULD of "DISCONNECT" makes NON-STRICT;
 * every other rule the cases cover it keeps.
 */
class CheckServeSpringStompTest {
    private static final Pattern URL = Pattern.compile("point a STOMP client at (ws://\\S+/) ");

    @Test
    void springsStompClientIsJudgedCaseByCase(@TempDir Path dir) throws Exception {
        try (BackgroundCli cli = new BackgroundCli("check", "--serve", "0", "--suite", "stomp", "--timeout", "5s",
                "--report", dir.toString());
                SpringStompPeer spring = new SpringStompPeer().heartBeat(300, 0)) {
            cli.awaitOutput("point a STOMP client at ");
            Matcher m = URL.matcher(cli.outSoFar());
            assertTrue(m.find(), cli.outSoFar());
            for (int i = 0; i < 8; i++) {
                converse(spring, m.group(1), new StompHeaders());
            }
            CliRun run = cli.finish();
            assertTrue(run.err().contains("check: 8/8 "), "progress names every case: " + run.err());
            Map<String, String> verdicts = new TreeMap<>();
            for (JsonNode c : new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("cases")) {
                verdicts.put(c.get("id").asText(), c.get("verdict").asText());
            }
            assertEquals(new TreeMap<>(Map.of("stompclient.1.1", "INFORMATIONAL", "stompclient.1.2", "FAILED",
                    "stompclient.2.1", "OK", "stompclient.2.2", "OK", "stompclient.2.3", "OK", "stompclient.3.1", "OK",
                    "stompclient.4.1", "NON_STRICT", "stompclient.4.2", "OK")), verdicts, run.toString());
            assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.toString());
            assertTrue(run.out().contains("host (none)"), "the failure says what was missing: " + run.out());
        }
    }

    @Test
    void springWithAHostHeaderOfItsOwnPassesTheConnectCase() throws Exception {
        try (BackgroundCli cli = new BackgroundCli("check", "--serve", "0", "--suite", "stomp", "--cases", "stompclient.1.2");
                SpringStompPeer spring = new SpringStompPeer()) {
            cli.awaitOutput("point a STOMP client at ");
            Matcher m = URL.matcher(cli.outSoFar());
            assertTrue(m.find(), cli.outSoFar());
            StompHeaders connect = new StompHeaders();
            connect.setHost("127.0.0.1");
            converse(spring, m.group(1), connect);
            CliRun run = cli.finish();
            assertEquals(ExitCode.OK, run.exitCode(), run.toString());
            assertTrue(run.err().contains("check: 1/1 stompclient.1.2 OK"), run.err());
        }
    }

    /** One conversation as Spring's guide writes it, {@code connect} added to CONNECT; the MESSAGE is awaited up to 10 s. */
    private static void converse(SpringStompPeer spring, String url, StompHeaders connect) throws Exception {
        StompSession session = spring.connect(url, connect, new StompSessionHandlerAdapter() { });
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        session.subscribe("/topic/check", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                got.add((String) payload);
            }
        });
        session.send("/topic/check", "hello from Spring");
        assertEquals("hello from Spring", got.poll(10, TimeUnit.SECONDS));
        session.disconnect();
    }
}
