package org.wslab.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.PackageCycles;

/** DESIGN.md "arrows point one way only", for packages: no cycle among this module's compiled packages. */
class PackageCyclesTest {

    @Test
    void noPackageCycle() {
        assertEquals(List.of(), PackageCycles.inClassesOf(org.wslab.tutorials.tour.TourMain.class, "org.wslab"));
    }
}
