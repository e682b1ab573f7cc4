package org.wslab.lab.server.jetty.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed's numbering, its retention window, and every limit crossed. */
class UpdateFeedTest {
    private static final UpdateLimits SMALL = new UpdateLimits(3, 8, 2, 4, Duration.ofSeconds(1));

    /** Records what it is told. */
    static final class Recorder implements Subscriber {
        final List<Update> got = new ArrayList<>();
        boolean ended;

        @Override
        public void update(Update update) {
            got.add(update);
        }

        @Override
        public void ended() {
            ended = true;
        }
    }

    @Test
    void updatesAreNumberedAndReadAfterASequenceNumber() {
        UpdateFeed feed = new UpdateFeed(SMALL);
        assertEquals(new ReadResult.Updates(List.of()), feed.read(0));
        assertEquals(new PublishResult.Published(new Update(1, "a")), feed.publish("a"));
        feed.publish("b");
        assertEquals(new ReadResult.Updates(List.of(new Update(2, "b"))), feed.read(1));
        assertEquals(new ReadResult.Updates(List.of()), feed.read(2));
        assertEquals(new ReadResult.Updates(List.of()), feed.read(Long.MAX_VALUE));
        assertEquals(2, feed.lastSeq());
    }

    @Test
    void pastTheRetentionWindowTheOldUpdatesAreGone() {
        UpdateFeed feed = new UpdateFeed(SMALL);
        for (String s : List.of("a", "b", "c", "d", "e")) {
            feed.publish(s);
        }
        assertEquals(new ReadResult.Gone(3), feed.read(0));
        assertEquals(new ReadResult.Gone(3), feed.read(1));
        assertEquals(List.of(new Update(3, "c"), new Update(4, "d"), new Update(5, "e")),
                ((ReadResult.Updates) feed.read(2)).updates());
    }

    @Test
    void anUpdateOverTheSizeLimitOrOfTwoLinesIsRefused() {
        UpdateFeed feed = new UpdateFeed(SMALL);
        assertEquals(new PublishResult.Published(new Update(1, "12345678")), feed.publish("12345678"));
        assertEquals(new PublishResult.TooLarge(9, 8), feed.publish("123456789"));
        assertEquals(new PublishResult.TooLarge(10, 8), feed.publish("ééééé"), "octets, not chars");
        assertEquals(new PublishResult.NotOneLine(), feed.publish("a\nb"));
        assertEquals(new PublishResult.NotOneLine(), feed.publish("a\rb"));
        assertEquals(1, feed.lastSeq(), "a refused update takes no number");
    }

    @Test
    void subscribersGetTheBacklogThenEveryUpdateUpToTheLimit() {
        UpdateFeed feed = new UpdateFeed(SMALL);
        feed.publish("a");
        Recorder first = new Recorder();
        SubscribeResult.Subscribed s = assertInstanceOf(SubscribeResult.Subscribed.class, feed.subscribe(0, first));
        assertEquals(new ReadResult.Updates(List.of(new Update(1, "a"))), s.backlog());
        assertInstanceOf(SubscribeResult.Subscribed.class, feed.subscribe(0, new Recorder()));
        assertEquals(new SubscribeResult.Full(2), feed.subscribe(0, new Recorder()));
        feed.publish("b");
        assertEquals(List.of(new Update(2, "b")), first.got);
        s.subscription().cancel();
        s.subscription().cancel();
        assertEquals(1, feed.subscribers());
        feed.publish("c");
        assertEquals(1, first.got.size(), "a cancelled subscriber hears nothing more");
        assertInstanceOf(SubscribeResult.Subscribed.class, feed.subscribe(0, new Recorder()), "its place is free again");
    }

    @Test
    void closingEndsEverySubscriberAndRefusesWhatFollows() {
        UpdateFeed feed = new UpdateFeed(SMALL);
        Recorder r = new Recorder();
        feed.subscribe(0, r);
        feed.close();
        feed.close();
        assertTrue(r.ended);
        assertEquals(0, feed.subscribers());
        assertEquals(new PublishResult.Closed(), feed.publish("a"));
        assertEquals(new SubscribeResult.Closed(), feed.subscribe(0, new Recorder()));
    }
}
