package io.credbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM (the app, the broker and the benchmark's clients) and by the PostgreSQL server
 * processes on this machine. Throughput on a shared 2-core machine moves with whatever else runs; the CPU time a
 * run takes per event moves much less, so it shows what a change saved.
 */
record CpuTime(long jvmNanos, long postgresNanos) {

    /** Clock ticks per second of /proc/[pid]/stat, USER_HZ, which is 100 on Linux. */
    private static final long TICKS_PER_SECOND = 100;

    static CpuTime now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new CpuTime(jvm, postgresServerNanos());
    }

    CpuTime since(CpuTime earlier) {
        return new CpuTime(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
    }

    String perEvent(int events) {
        return String.format(
                "%.0f us in the JVM + %.0f us in PostgreSQL", jvmNanos / 1e3 / events, postgresNanos / 1e3 / events);
    }

    private static long postgresServerNanos() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(proc)) {
            return processes
                            .filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                            .mapToLong(CpuTime::postgresTicks)
                            .sum()
                    * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of a postgres process, from /proc/[pid]/stat (fields 14 and 15, after the command name). */
    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !stat.substring(open + 1, close).startsWith("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended while being read
        }
    }
}
