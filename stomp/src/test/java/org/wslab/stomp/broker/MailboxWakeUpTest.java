package org.wslab.stomp.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The mailbox's wake-up never gets lost (wslab policy: the broker posts, the owner's transport pumps
 * when woken): an owner that answers every wake-up by looking and polling until the mailbox looks
 * empty — as the NIO adapter does — takes every item a racing poster posts, and no item waits
 * without a wake-up. Counts only: the test ends when everything was taken or the owner sat idle
 * with items waiting and no wake-up owed to it.
 */
class MailboxWakeUpTest {
    @Test
    void aRacingPosterAlwaysWakesAnOwnerThatLookedEmpty() throws Exception {
        int items = 200_000;
        Semaphore wakeUps = new Semaphore(0);
        Mailbox mailbox = new Mailbox(MailboxLimits.DEFAULT.withBytes(Long.MAX_VALUE / 4, 0, Long.MAX_VALUE / 2),
                wakeUps::release);
        AtomicInteger taken = new AtomicInteger();
        Thread owner = new Thread(() -> {
            try {
                while (taken.get() < items && wakeUps.tryAcquire(2, TimeUnit.SECONDS)) {
                    while (mailbox.hasItems()) {
                        if (mailbox.poll() != null) {
                            taken.incrementAndGet();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        owner.start();
        for (int i = 0; i < items; i++) {
            mailbox.post(new MailboxItem.Confirmed(i));
        }
        owner.join(60_000);
        assertEquals(items, taken.get(), "items left waiting with no wake-up owed: " + (items - taken.get()));
    }
}
