package org.wslab.tutorials.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A browser that exits before printing its DevTools address is unavailable, with its reason. */
class ChromiumTest {
    @Test
    void aBrowserThatExitsEarlySaysWhyAndLeavesNoProfile(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake-chromium");
        Files.writeString(fake, "#!/bin/sh\necho 'Failed to move to new namespace: no usable sandbox' >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        long profilesBefore = profiles();
        BrowserUnavailable e = assertThrows(BrowserUnavailable.class, () -> Chromium.start(fake, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("exited with code 3 before listening"), e.getMessage());
        assertTrue(e.getMessage().endsWith("no usable sandbox"), e.getMessage());
        assertEquals(profilesBefore, profiles(), "the temporary profile is deleted");
    }

    private static long profiles() throws Exception {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("wslab-chromium-")).count();
        }
    }
}
