package dev.compatmatrix.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The live heap of this JVM after a full GC, two ways: the heap pools' usage after the last collection, and the class
 * histogram of {@code jcmd <pid> GC.class_histogram} (which runs its own full GC first and counts live objects only).
 */
record HeapSnapshot(long heapAfterGc, long histogramBytes, Map<String, ClassUsage> classes) {

    record ClassUsage(long instances, long bytes) {}

    /** One class's growth between two snapshots. */
    record Growth(String className, long instances, long bytes) {}

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    static HeapSnapshot take() throws Exception {
        // Several collections, with time for reference processing and cleaners in between.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        System.gc();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                heap += pool.getCollectionUsage().getUsed();
            }
        }
        String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        Map<String, ClassUsage> classes = new HashMap<>();
        long total = -1;
        for (String line : histogram.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                classes.merge(
                        row.group(3),
                        new ClassUsage(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new ClassUsage(a.instances() + b.instances(), a.bytes() + b.bytes()));
                continue;
            }
            Matcher sum = TOTAL.matcher(line);
            if (sum.find()) {
                total = Long.parseLong(sum.group(2));
            }
        }
        if (total < 0) {
            throw new IllegalStateException("No total in the class histogram");
        }
        return new HeapSnapshot(heap, total, classes);
    }

    /** The classes that grew most (in bytes) from {@code before} to this snapshot. */
    List<Growth> largestGrowth(HeapSnapshot before, int limit) {
        List<Growth> growth = new ArrayList<>();
        for (var entry : classes.entrySet()) {
            ClassUsage old = before.classes().getOrDefault(entry.getKey(), new ClassUsage(0, 0));
            growth.add(new Growth(
                    entry.getKey(),
                    entry.getValue().instances() - old.instances(),
                    entry.getValue().bytes() - old.bytes()));
        }
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        return growth.subList(0, Math.min(limit, growth.size()));
    }
}
