package io.credbridge.transcript;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param directory where import files are written; the SIS import job picks them up from there
 * @param filePrefix file names are {@code <prefix>-<yyyy-MM-dd>.csv}, one file per day (UTC)
 */
@Validated
@ConfigurationProperties("credbridge.transcript.csv")
public record CsvTranscriptProperties(
        @NotNull(message = "must name the directory the SIS imports CSV files from")
        Path directory,

        @NotBlank
        @Pattern(
                regexp = "[A-Za-z0-9._-]+",
                message = "must be letters, digits, dots, dashes or underscores (it starts file names)")
        String filePrefix) {}
