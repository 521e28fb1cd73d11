package io.credbridge.award;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Splits a polled batch by learner so that its parts are applied in parallel, each in a transaction of its own:
 * while one part waits for the database, another is evaluated. A learner's events stay in one part, in the order
 * they were consumed. A batch that voids an event is applied whole: the voided event's learner is only known once
 * the void is applied, and may have events in any part. Small batches (a steady trickle) are applied whole too,
 * since handing a few events to another thread costs more than it saves.
 */
@Component
class LearnerShards implements DisposableBean {

    static final int SPLIT_FROM = 100;

    private final int shards;
    private final ExecutorService workers;

    @Autowired
    LearnerShards(AwardProperties properties) {
        this(properties.parallelism());
    }

    LearnerShards(int shards) {
        this.shards = shards;
        AtomicInteger count = new AtomicInteger();
        this.workers = shards == 1
                ? null
                : Executors.newFixedThreadPool(shards - 1, work -> {
                    Thread worker = new Thread(work, "credbridge-award-shard-" + count.incrementAndGet());
                    worker.setDaemon(true);
                    return worker;
                });
    }

    /** One part: every batch is applied whole, on the consumer's thread. */
    static LearnerShards none() {
        return new LearnerShards(1);
    }

    List<List<Intake>> split(List<Intake> intakes) {
        if (shards == 1 || intakes.size() < SPLIT_FROM || intakes.stream().anyMatch(Intake.Voiding.class::isInstance)) {
            return List.of(intakes);
        }
        List<List<Intake>> parts = new ArrayList<>(shards);
        for (int i = 0; i < shards; i++) {
            parts.add(new ArrayList<>());
        }
        for (Intake each : intakes) {
            // Parked and unreadable events belong to no learner yet; they all go to the first part.
            int part = each instanceof Intake.Usable usable
                    ? Math.floorMod(usable.learnerId().hashCode(), shards)
                    : 0;
            parts.get(part).add(each);
        }
        parts.removeIf(List::isEmpty);
        return parts;
    }

    /**
     * Applies every part, the first on the calling thread and the others on the shard workers, and waits for all
     * of them. When parts fail, the results of those that succeeded are still returned, beside the first failure.
     */
    <R> Applied<R> applyEach(List<List<Intake>> parts, Function<List<Intake>, R> apply) {
        List<CompletableFuture<R>> others = parts.subList(1, parts.size()).stream()
                .map(part -> CompletableFuture.supplyAsync(() -> apply.apply(part), workers))
                .toList();
        List<R> results = new ArrayList<>();
        RuntimeException failure = null;
        try {
            results.add(apply.apply(parts.get(0)));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<R> other : others) {
            try {
                results.add(other.join());
            } catch (CompletionException e) {
                RuntimeException cause =
                        e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        return new Applied<>(results, failure);
    }

    @Override
    public void destroy() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** What the parts that succeeded returned, and the first failure, if any part failed. */
    record Applied<R>(List<R> results, RuntimeException failure) {}
}
