package io.credbridge.ingest.openedx;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Which completion each certificate event stands for (table {@code openedx_certificate_event}). A certificate's first
 * completion has the certificate's own id (learner, course, mode), which a revocation derives again; once it is
 * revoked, the award stage has logged that id as voided, so a certificate created again is a new completion with an
 * id of its own, and the next revocation voids that one. A certificate created again while it is held is the same
 * completion. A record read again (a redelivery, a replay) gets what it got the first time, whatever came since.
 *
 * <p>Certificate events of one course arrive in order (Open edX keys them by course, so they share a partition).
 */
class CertificateHistory {

    enum Kind {
        CREATED,
        REVOKED
    }

    private final NamedParameterJdbcTemplate jdbc;

    CertificateHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param ceId the event's ce_id
     * @param certificate the certificate's own id, derived from the LMS, learner, course and mode
     * @return the completion the creation publishes, or the revocation voids
     */
    String completionOf(String ceId, String certificate, Kind kind) {
        List<String> known = jdbc.queryForList(
                "select completion_event_id from openedx_certificate_event where ce_id = :ceId",
                Map.of("ceId", ceId),
                String.class);
        if (!known.isEmpty()) {
            return known.get(0);
        }
        List<Map<String, Object>> latest = jdbc.queryForList(
                "select kind, completion_event_id from openedx_certificate_event where certificate_key = :certificate"
                        + " order by seq desc limit 1",
                Map.of("certificate", certificate));
        String completion;
        if (latest.isEmpty()) {
            completion = certificate;
        } else if (kind == Kind.CREATED
                && Kind.REVOKED.name().equals(latest.get(0).get("kind"))) {
            completion = reissue(certificate, ceId);
        } else {
            completion = (String) latest.get(0).get("completion_event_id");
        }
        jdbc.update(
                "insert into openedx_certificate_event (ce_id, certificate_key, kind, completion_event_id)"
                        + " values (:ceId, :certificate, :kind, :completion)",
                new MapSqlParameterSource()
                        .addValue("ceId", ceId)
                        .addValue("certificate", certificate)
                        .addValue("kind", kind.name())
                        .addValue("completion", completion));
        return completion;
    }

    private static String reissue(String certificate, String ceId) {
        return UUID.nameUUIDFromBytes(
                        ("openedx-certificate-reissue\n" + certificate + "\n" + ceId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
