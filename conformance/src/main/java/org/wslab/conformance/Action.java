package org.wslab.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;

/**
 * One step of what a case sends, as data: frames in some chops, a pause between them, or
 * round trips (a message sent, its echo awaited, again and again).
 */
public sealed interface Action {
    /** What this step does, in words. */
    String describe();

    /**
     * Sends frames, cut into writes by {@code chop}.
     *
     * @param frames the frames, in order
     * @param chop   how they are cut into writes
     */
    record Send(List<WireFrame> frames, Chop chop) implements Action {
        public Send {
            frames = List.copyOf(frames);
            Objects.requireNonNull(chop, "chop");
        }

        @Override
        public String describe() {
            // runs of the same frame are counted, so 65,536 fragments read as one line, not a megabyte
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (i < frames.size()) {
                String one = frames.get(i).toString();
                int run = 1;
                while (i + run < frames.size() && frames.get(i + run).toString().equals(one)) {
                    run++;
                }
                b.append(b.length() == 0 ? "" : ", ").append(one).append(run > 1 ? " × " + run : "");
                i += run;
            }
            return b + (frames.size() > 1 || chop.writeBytes() > 0 ? " " + chop : "");
        }
    }

    /** Waits before the next step (lets the server see a fragmented message arrive in pieces). */
    record Pause(Duration length) implements Action {
        @Override
        public String describe() {
            return "pause " + length.toMillis() + " ms";
        }
    }

    /**
     * Sends {@code message} {@code count} times, each time waiting for its echo {@code echo}
     * before the next, as Autobahn's 9.7 and 9.8 do; the round-trip times are reported.
     *
     * @param message the frame sent each time
     * @param echo    the message expected back each time
     * @param count   how many round trips, at least 1
     */
    record RoundTrips(WireFrame message, Reply echo, int count) implements Action {
        public RoundTrips {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(echo, "echo");
            if (count < 1) {
                throw new IllegalArgumentException("at least one round trip: " + count);
            }
        }

        @Override
        public String describe() {
            return count + " round trips of " + message + ", each awaiting its echo";
        }
    }
}
