package io.credbridge.badge;

import io.credbridge.avro.BadgeAction;
import io.credbridge.avro.BadgeIssuance;
import io.credbridge.avro.Competency;
import io.credbridge.avro.CredentialSummary;
import io.credbridge.avro.Grade;
import io.credbridge.avro.LearnerIdentifiers;
import io.credbridge.award.AwardChange;
import io.credbridge.award.GradeAchieved;
import io.credbridge.catalog.Alignment;
import io.credbridge.catalog.Credit;
import io.credbridge.catalog.Recognition;
import java.math.BigDecimal;

/**
 * An award change as the BadgeIssuance record subscribers read: the definition's key facts as typed fields (so a
 * CRM needs no JSON-LD to file a badge under its level, credits and competencies), the learner's identifiers and
 * grade, and the credential in its secured forms. Fields the definition or the award leave out are null or empty.
 */
final class IssuanceMapping {

    private final boolean learnerEmail;

    /** @param learnerEmail whether the learner's e-mail address may go out (where the learner is known by one) */
    IssuanceMapping(boolean learnerEmail) {
        this.learnerEmail = learnerEmail;
    }

    BadgeIssuance of(String issuanceId, AwardChange award, SecuredCredential credential) {
        return BadgeIssuance.newBuilder()
                .setIssuanceId(issuanceId)
                .setAction(BadgeAction.valueOf(award.action().name()))
                .setAwardId(award.awardId())
                .setLearnerId(award.learnerId())
                .setLearner(learnerOf(award))
                .setCredential(summaryOf(award))
                .setAwardedAt(award.awardedAt())
                .setEarnedAt(award.earnedAt())
                .setEvidenceEventIds(award.evidenceEventIds())
                .setGradeAchieved(gradeOf(award.gradeAchieved()))
                .setOpenBadgeCredential(credential.document())
                .setDataIntegrityCredential(credential.dataIntegrity())
                .setVcJwt(credential.jwt())
                .setReason(award.reason())
                .setChangedAt(award.changedAt())
                .build();
    }

    LearnerIdentifiers learnerOf(AwardChange award) {
        return LearnerIdentifiers.newBuilder()
                .setInstitutionalId(award.learnerId())
                .setSisPersonId(award.sisPersonId())
                .setEmail(
                        learnerEmail
                                ? RecipientIdentity.emailOf(award.learnerId()).orElse(null)
                                : null)
                .build();
    }

    static CredentialSummary summaryOf(AwardChange award) {
        Recognition recognition = Achievements.recognitionOf(award);
        Credit credit = recognition.credit();
        return CredentialSummary.newBuilder()
                .setId(award.credentialId())
                .setVersion(award.credentialVersion())
                .setName(award.credentialName())
                .setKind(award.credentialKind())
                .setIssuerId(award.issuerId())
                .setIssuerName(award.issuerName())
                .setLevel(recognition.level())
                .setEqfLevel(
                        recognition.euMicroCredential() == null
                                ? null
                                : recognition.euMicroCredential().eqfLevel())
                .setCreditHours(number(credit == null ? null : credit.creditHours()))
                .setEcts(number(EuMicroCredentialTerms.ects(recognition)))
                .setCompetencies(recognition.competencies().stream()
                        .map(IssuanceMapping::competency)
                        .toList())
                .build();
    }

    private static Competency competency(Alignment alignment) {
        return Competency.newBuilder()
                .setTargetUrl(alignment.targetUrl())
                .setName(alignment.targetName())
                .setFramework(alignment.targetFramework())
                .setCode(alignment.targetCode())
                .build();
    }

    static Grade gradeOf(GradeAchieved grade) {
        return grade == null
                ? null
                : Grade.newBuilder()
                        .setValue(grade.value())
                        .setScale(grade.scale().code())
                        .setAssessment(grade.assessment())
                        .setAttempt(grade.attempt().code())
                        .build();
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
