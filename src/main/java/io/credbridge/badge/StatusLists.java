package io.credbridge.badge;

import io.credbridge.award.AwardChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The issuers' revocation lists as stored: each award gets a random free index in its issuer's current list the
 * first time its credential is built (random, so a list does not tell the order of issuance), keeps it across
 * redeliveries, and a new list starts when the current one is full. A REVOKED change sets the award's bit; setting
 * it again is a no-op, so the relay may redeliver. EXPIRED leaves it clear: a revocation bit is permanent and says
 * the issuer withdrew the credential, which an award that ran its course was not.
 */
final class StatusLists implements CredentialStatuses {

    private final NamedParameterJdbcTemplate jdbc;
    private final Issuers issuers;
    private final String publicUrl;
    private final int listLength;
    private final RandomGenerator random;

    StatusLists(
            NamedParameterJdbcTemplate jdbc,
            Issuers issuers,
            String publicUrl,
            int listLength,
            RandomGenerator random) {
        if (listLength < 1) {
            throw new IllegalArgumentException("a status list needs room for at least one entry");
        }
        this.jdbc = jdbc;
        this.issuers = issuers;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.listLength = listLength;
        this.random = random;
    }

    @Override
    public StatusListEntry entryFor(AwardChange award) {
        Placement placement = placementOf(award.awardId())
                .orElseGet(() -> allocate(
                        award.awardId(),
                        issuers.forCatalogIssuer(award.issuerId()).slug(),
                        award.changedAt()));
        if (award.action() == AwardChange.Action.REVOKED) {
            jdbc.update(
                    "update badge_status_entry set revoked_at = :at where award_id = :id and revoked_at is null",
                    Map.of("id", award.awardId(), "at", Timestamp.from(award.changedAt())));
        }
        return new StatusListEntry(url(placement.issuerSlug(), placement.list()), placement.index());
    }

    /** The public URL of an issuer's list, which is also the status list credential's id. */
    String url(String issuerSlug, int list) {
        return publicUrl + "/issuers/" + issuerSlug + "/status/" + list;
    }

    int listLength() {
        return listLength;
    }

    /** A list's revoked indexes and when it last changed; empty for a list that has no entry (yet). */
    Optional<ListState> state(String issuerSlug, int list) {
        Map<String, Object> key = Map.of("slug", issuerSlug, "list", list);
        List<Summary> summary = jdbc.query(
                "select count(*) as entries, count(revoked_at) as revoked, min(allocated_at) as first_allocated,"
                        + " max(revoked_at) as last_revoked from badge_status_entry"
                        + " where issuer_slug = :slug and list_number = :list",
                key,
                (row, n) -> row.getInt("entries") == 0
                        ? null
                        : new Summary(
                                row.getInt("revoked"),
                                firstNonNull(
                                        row.getObject("last_revoked", OffsetDateTime.class),
                                        row.getObject("first_allocated", OffsetDateTime.class))));
        if (summary.isEmpty() || summary.get(0) == null) {
            return Optional.empty();
        }
        List<Integer> revoked = jdbc.queryForList(
                "select status_index from badge_status_entry where issuer_slug = :slug and list_number = :list"
                        + " and revoked_at is not null",
                key,
                Integer.class);
        Summary state = summary.get(0);
        return Optional.of(new ListState(state.revision(), state.changedAt(), List.copyOf(revoked)));
    }

    /**
     * @param revision how many bits are set: bits are never cleared, so it grows with every change
     * @param changedAt when the last bit was set (the first allocation while none is)
     * @param revokedIndexes the set bits
     */
    record ListState(int revision, Instant changedAt, List<Integer> revokedIndexes) {}

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
     * Inserts are "on conflict do nothing": losing a race for an index means trying another, and losing the race
     * for the award (a concurrent delivery of the same award) means taking the placement that won.
     */
    private Placement allocate(String awardId, String issuerSlug, Instant now) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int list = currentList(issuerSlug);
            int used = entries(issuerSlug, list);
            if (used >= listLength) {
                list++;
                used = 0;
            }
            int index = freeIndex(issuerSlug, list, used);
            int inserted = jdbc.update(
                    "insert into badge_status_entry (award_id, issuer_slug, list_number, status_index, allocated_at)"
                            + " values (:id, :slug, :list, :index, :now) on conflict do nothing",
                    new MapSqlParameterSource()
                            .addValue("id", awardId)
                            .addValue("slug", issuerSlug)
                            .addValue("list", list)
                            .addValue("index", index)
                            .addValue("now", Timestamp.from(now)));
            if (inserted == 1) {
                return new Placement(issuerSlug, list, index);
            }
            Optional<Placement> placedMeanwhile = placementOf(awardId);
            if (placedMeanwhile.isPresent()) {
                return placedMeanwhile.get();
            }
        }
        throw new IllegalStateException("found no free status list index for award " + awardId);
    }

    private int currentList(String issuerSlug) {
        Integer list = jdbc.queryForObject(
                "select max(list_number) from badge_status_entry where issuer_slug = :slug",
                Map.of("slug", issuerSlug),
                Integer.class);
        return list == null ? 1 : list;
    }

    private int entries(String issuerSlug, int list) {
        Integer count = jdbc.queryForObject(
                "select count(*) from badge_status_entry where issuer_slug = :slug and list_number = :list",
                Map.of("slug", issuerSlug, "list", list),
                Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * A uniformly random free index. While the list is mostly empty a random guess is nearly always free (and the
     * insert catches the rest); once it is half full, guessing gets slow, so pick among the free ones.
     */
    private int freeIndex(String issuerSlug, int list, int used) {
        if (used < listLength / 2) {
            return random.nextInt(listLength);
        }
        BitSet taken = new BitSet(listLength);
        jdbc.queryForList(
                        "select status_index from badge_status_entry where issuer_slug = :slug and list_number = :list",
                        Map.of("slug", issuerSlug, "list", list),
                        Integer.class)
                .forEach(taken::set);
        int free = listLength - taken.cardinality();
        if (free == 0) {
            // Filled by a concurrent allocation since it was counted: the insert fails and the next attempt rolls over.
            return random.nextInt(listLength);
        }
        int nth = random.nextInt(free);
        int index = taken.nextClearBit(0);
        for (int i = 0; i < nth; i++) {
            index = taken.nextClearBit(index + 1);
        }
        return index;
    }
}
