package org.wslab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.PackageCycles;

/** DESIGN.md "arrows point one way only", for packages: no cycle among this module's compiled packages. */
class PackageCyclesTest {

    @Test
    void noPackageCycle() {
        assertEquals(List.of(), PackageCycles.inClassesOf(Agreement.class, "org.wslab.benchmarks"));
    }
}
