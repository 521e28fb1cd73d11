package io.credbridge.badge;

import io.credbridge.award.AwardChange;
import io.credbridge.award.RevocationStatus;
import io.credbridge.award.SuspensionStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The issuers' revocation lists as stored: each award gets the next position of its issuer's allocation cursor (from
 * a block this instance reserved) the first time its credential is built, which a keyed {@link IndexPermutation}
 * turns into an index of the current list (so no index is used twice, and the order of the indexes does not tell
 * the order of issuance), keeps it across
 * redeliveries, and a new list starts when the current one is full. The transaction that revokes an award sets its
 * bit ({@link RevocationStatus}); a REVOKED change sets it too, for an award that had no entry yet when it was
 * revoked. Setting it again is a no-op, so the relay may redeliver. EXPIRED leaves it clear: a revocation bit is
 * permanent and says the issuer withdrew the credential, which an award that ran its course was not.
 *
 * <p>An award of a definition that allows suspension also has a bit on the issuer's suspension list of the same
 * number, at the same index: the transaction that suspends sets it ({@link SuspensionStatus}), allocating the entry
 * then if the credential was not built yet, and the one that reinstates clears it.
 */
final class StatusLists implements CredentialStatuses, RevocationStatus, SuspensionStatus {

    /** What a list's bits say, and where the list is served under its issuer. */
    enum Purpose {
        REVOCATION(StatusListEntry.PURPOSE, "status"),
        SUSPENSION(StatusListEntry.SUSPENSION, "suspension");

        final String statusPurpose;
        final String path;

        Purpose(String statusPurpose, String path) {
            this.statusPurpose = statusPurpose;
            this.path = path;
        }
    }

    /* Collisions happen only with entries of the random allocation the cursor replaced; this many means a bug. */
    private static final int MAXIMUM_ATTEMPTS = 1000;

    /* Positions an instance reserves at a time: one commit per this many badges, at most this many unused per stop. */
    private static final int BLOCK = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransactions;
    private final Issuers issuers;
    private final String publicUrl;
    private final int listLength;
    private final Map<String, Block> blocks = new HashMap<>();

    StatusLists(
            NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            Issuers issuers,
            String publicUrl,
            int listLength) {
        if (listLength < 1 || listLength > IndexPermutation.MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("a status list has room for 1 to " + IndexPermutation.MAXIMUM_LENGTH
                    + " entries; not " + listLength);
        }
        this.jdbc = jdbc;
        this.ownTransactions = new TransactionTemplate(transactionManager);
        this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.issuers = issuers;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.listLength = listLength;
    }

    @Override
    public StatusListEntry entryFor(AwardChange award) {
        Placement placement = placed(award.awardId(), award.issuerId(), award.changedAt());
        if (award.action() == AwardChange.Action.REVOKED) {
            revoked(List.of(award.awardId()), award.changedAt());
        }
        return new StatusListEntry(
                url(placement.issuerSlug(), placement.list()),
                placement.index(),
                award.suspendable() ? url(Purpose.SUSPENSION, placement.issuerSlug(), placement.list()) : null);
    }

    @Override
    public void suspended(String awardId, String catalogIssuerId, Instant at) {
        placed(awardId, catalogIssuerId, at);
        jdbc.update(
                "update badge_status_entry set suspended_at = :at, suspension_changed_at = :at,"
                        + " suspension_changes = suspension_changes + 1 where award_id = :id and suspended_at is null",
                Map.of("id", awardId, "at", Timestamp.from(at)));
    }

    @Override
    public void reinstated(String awardId, String catalogIssuerId, Instant at) {
        jdbc.update(
                "update badge_status_entry set suspended_at = null, suspension_changed_at = :at,"
                        + " suspension_changes = suspension_changes + 1"
                        + " where award_id = :id and suspended_at is not null",
                Map.of("id", awardId, "at", Timestamp.from(at)));
    }

    private Placement placed(String awardId, String catalogIssuerId, Instant now) {
        return placementOf(awardId)
                .orElseGet(() -> allocate(
                        awardId, issuers.forCatalogIssuer(catalogIssuerId).slug(), now));
    }

    @Override
    public void revoked(List<String> awardIds, Instant at) {
        jdbc.update(
                "update badge_status_entry set revoked_at = :at where award_id in (:ids) and revoked_at is null",
                Map.of("ids", awardIds, "at", Timestamp.from(at)));
    }

    /** The public URL of an issuer's revocation list, which is also the status list credential's id. */
    String url(String issuerSlug, int list) {
        return url(Purpose.REVOCATION, issuerSlug, list);
    }

    /** The public URL of an issuer's list of that purpose, which is also the status list credential's id. */
    String url(Purpose purpose, String issuerSlug, int list) {
        return publicUrl + "/issuers/" + issuerSlug + "/" + purpose.path + "/" + list;
    }

    int listLength() {
        return listLength;
    }

    /** A list's revoked indexes and when it last changed; empty for a list that has no entry (yet). */
    Optional<ListState> state(String issuerSlug, int list) {
        return state(Purpose.REVOCATION, issuerSlug, list);
    }

    /**
     * A list's set indexes and when it last changed; empty for a list that has no entry (yet). A suspension list
     * exists wherever the revocation list of its number does, with all bits clear until a suspension.
     */
    Optional<ListState> state(Purpose purpose, String issuerSlug, int list) {
        Map<String, Object> key = Map.of("slug", issuerSlug, "list", list);
        boolean revocation = purpose == Purpose.REVOCATION;
        String setAt = revocation ? "revoked_at" : "suspended_at";
        List<Summary> summary = jdbc.query(
                "select count(*) as entries, "
                        + (revocation
                                ? "count(revoked_at) as revision, max(revoked_at) as last_change"
                                : "coalesce(sum(suspension_changes), 0) as revision,"
                                        + " max(suspension_changed_at) as last_change")
                        + ", min(allocated_at) as first_allocated from badge_status_entry"
                        + " where issuer_slug = :slug and list_number = :list",
                key,
                (row, n) -> row.getInt("entries") == 0
                        ? null
                        : new Summary(
                                row.getInt("revision"),
                                firstNonNull(
                                        row.getObject("last_change", OffsetDateTime.class),
                                        row.getObject("first_allocated", OffsetDateTime.class))));
        if (summary.isEmpty() || summary.get(0) == null) {
            return Optional.empty();
        }
        List<Integer> set = jdbc.queryForList(
                "select status_index from badge_status_entry where issuer_slug = :slug and list_number = :list"
                        + " and " + setAt + " is not null",
                key,
                Integer.class);
        Summary state = summary.get(0);
        return Optional.of(new ListState(state.revision(), state.changedAt(), List.copyOf(set)));
    }

    /**
     * @param revision grows with every change of a bit: the count of set bits on a revocation list (never cleared),
     *     the count of sets and clears on a suspension list
     * @param changedAt when a bit last changed (the first allocation while none has)
     * @param setIndexes the set bits
     */
    record ListState(int revision, Instant changedAt, List<Integer> setIndexes) {}

    private record Summary(int revision, Instant changedAt) {}

    private static Instant firstNonNull(OffsetDateTime first, OffsetDateTime second) {
        return (first != null ? first : second).toInstant();
    }

    private record Placement(String issuerSlug, int list, int index) {}

    private Optional<Placement> placementOf(String awardId) {
        return jdbc
                .query(
                        "select issuer_slug, list_number, status_index from badge_status_entry where award_id = :id",
                        Map.of("id", awardId),
                        (row, n) -> new Placement(
                                row.getString("issuer_slug"), row.getInt("list_number"), row.getInt("status_index")))
                .stream()
                .findFirst();
    }

    /**
     * Takes the issuer's next position and inserts the entry there, "on conflict do nothing": losing the race for
     * the award (a concurrent delivery of the same award) means taking the placement that won, and finding the index
     * taken (by an entry of the random allocation before the cursor, say from an instance of the previous version
     * still running during an upgrade) means taking the next position.
     */
    private Placement allocate(String awardId, String issuerSlug, Instant now) {
        for (int attempt = 0; attempt < MAXIMUM_ATTEMPTS; attempt++) {
            Placement next = nextPlacement(issuerSlug);
            int inserted = jdbc.update(
                    "insert into badge_status_entry (award_id, issuer_slug, list_number, status_index, allocated_at)"
                            + " values (:id, :slug, :list, :index, :now) on conflict do nothing",
                    new MapSqlParameterSource()
                            .addValue("id", awardId)
                            .addValue("slug", issuerSlug)
                            .addValue("list", next.list())
                            .addValue("index", next.index())
                            .addValue("now", Timestamp.from(now)));
            if (inserted == 1) {
                return next;
            }
            Optional<Placement> placedMeanwhile = placementOf(awardId);
            if (placedMeanwhile.isPresent()) {
                return placedMeanwhile.get();
            }
        }
        throw new IllegalStateException("found no free status list index for award " + awardId + " in "
                + MAXIMUM_ATTEMPTS + " positions of issuer " + issuerSlug + "'s lists");
    }

    /** The issuer's next position from this instance's block, mapped to a list and an index. */
    private synchronized Placement nextPlacement(String issuerSlug) {
        Block block = blocks.get(issuerSlug);
        if (block == null || block.next == block.end) {
            block = reserveBlock(issuerSlug);
            blocks.put(issuerSlug, block);
        }
        long position = block.next++;
        int list = Math.toIntExact(block.firstList + position / listLength);
        return new Placement(issuerSlug, list, block.permutation.indexAt((int) (position % listLength)));
    }

    /**
     * Advances the issuer's cursor by a block of positions in a transaction of its own: committed at once, so other
     * instances wait on the cursor row only for these few statements (not for the relay's transaction, which lasts
     * until Kafka acknowledges the batch), and once per block rather than per badge, as each commit waits for the
     * write-ahead log to reach the disk. Positions of a block whose entries are rolled back, or that the instance
     * has not used when it stops, leave their indexes unused.
     */
    private Block reserveBlock(String issuerSlug) {
        Cursor cursor = ownTransactions.execute(status -> {
            if (advance(issuerSlug) == 0) {
                jdbc.update(
                        "insert into badge_status_cursor (issuer_slug, first_list, next_position, permutation_key)"
                                + " values (:slug, 1, 0, :key) on conflict do nothing",
                        Map.of("slug", issuerSlug, "key", IndexPermutation.newKey()));
                advance(issuerSlug);
            }
            Cursor advanced = jdbc.queryForObject(
                    "select first_list, next_position, permutation_key from badge_status_cursor"
                            + " where issuer_slug = :slug",
                    Map.of("slug", issuerSlug),
                    (row, n) -> new Cursor(
                            row.getInt("first_list"), row.getLong("next_position"), row.getBytes("permutation_key")));
            return advanced.key() != null ? advanced : withNewKey(issuerSlug, advanced);
        });
        return new Block(
                cursor.firstList(),
                IndexPermutation.of(cursor.key(), listLength),
                cursor.nextPosition() - BLOCK,
                cursor.nextPosition());
    }

    private int advance(String issuerSlug) {
        return jdbc.update(
                "update badge_status_cursor set next_position = next_position + :block where issuer_slug = :slug",
                Map.of("slug", issuerSlug, "block", BLOCK));
    }

    /** A cursor the migration seeded has no key yet; its row is locked by the advance, so no one else sets one. */
    private Cursor withNewKey(String issuerSlug, Cursor cursor) {
        byte[] key = IndexPermutation.newKey();
        jdbc.update(
                "update badge_status_cursor set permutation_key = :key where issuer_slug = :slug",
                Map.of("slug", issuerSlug, "key", key));
        return new Cursor(cursor.firstList(), cursor.nextPosition(), key);
    }

    /**
     * @param nextPosition the position after the block just reserved
     * @param key the permutation key, null until the first allocation of an issuer the migration seeded
     */
    private record Cursor(int firstList, long nextPosition, byte[] key) {}

    /** Positions {@code [next, end)} reserved by this instance; guarded by the {@link StatusLists} it belongs to. */
    private static final class Block {
        final int firstList;
        final IndexPermutation permutation;
        long next;
        final long end;

        Block(int firstList, IndexPermutation permutation, long next, long end) {
            this.firstList = firstList;
            this.permutation = permutation;
            this.next = next;
            this.end = end;
        }
    }
}
