package org.wslab.lab.load;

import java.lang.management.ManagementFactory;

/**
 * The load generator's own CPU use, sampled about once a second from the JDK's
 * {@link com.sun.management.OperatingSystemMXBean}: the process's share of all the machine's CPUs
 * and the whole machine's load, each 0–1, negative when the JVM cannot say.
 */
final class CpuShare {
    private final com.sun.management.OperatingSystemMXBean os =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean o ? o : null;
    private double processSum;
    private double processMax;
    private double systemSum;
    private int samples;

    CpuShare() {
        if (os != null) {
            os.getProcessCpuLoad(); // the first reading only starts the measurement
        }
    }

    void sample() {
        if (os == null) {
            return;
        }
        double process = os.getProcessCpuLoad();
        double system = os.getCpuLoad();
        if (process >= 0 && system >= 0) {
            processSum += process;
            systemSum += system;
            processMax = Math.max(processMax, process);
            samples++;
        }
    }

    double processMean() {
        return samples == 0 ? -1 : processSum / samples;
    }

    double processMax() {
        return samples == 0 ? -1 : processMax;
    }

    double systemMean() {
        return samples == 0 ? -1 : systemSum / samples;
    }
}
