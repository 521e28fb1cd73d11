package io.credbridge.catalog;

import java.util.List;

/**
 * What lets an employer or another institution read and recognise a credential: its level, field, image,
 * competencies, credit and the EU micro-credential elements. An award's change carries it as it was under the
 * award's version, so the published badge describes what was earned even after the catalog changed.
 */
public record Recognition(
        String level,
        String fieldOfStudy,
        String image,
        List<Alignment> competencies,
        Credit credit,
        EuMicroCredential euMicroCredential) {

    public Recognition {
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
    }
}
