package io.credbridge.transcript.files;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credbridge.transcript.files.*}: import files for a SIS that loads batches.
 *
 * @param layout how entries are laid out: {@code csv} (the columns of the {@code csv} target), {@code xml} (PESC-style
 *     AcademicAward) or {@code template} (a Mustache template of the whole file)
 * @param filePrefix file names are {@code <prefix>-<UTC time>-<hash>.<extension>}, in delivery order by name
 * @param awardLevels for the xml layout: the PESC {@code AcademicAwardLevel} code per credential kind (e.g. {@code
 *     badge: "1.5"}); kinds not listed get no level element
 * @param template for the template layout: the template file and the extension of the files written
 * @param values fixed values the template uses as {@code {{values.name}}}
 * @param delivery where files go: {@code directory} or {@code sftp}
 * @param directory for directory delivery: the folder the SIS import job reads
 * @param sftp for sftp delivery: the server, the account and the server's host key
 * @param acknowledgements where the SIS leaves acknowledgement files and how to read them; none when the SIS does
 *     not acknowledge (every delivered entry counts as written)
 */
public record FileSettings(
        @NotNull(message = "must be csv, xml or template") @DefaultValue("csv")
        Layout layout,

        @NotBlank
        @Pattern(
                regexp = "[A-Za-z0-9._-]+",
                message = "must be letters, digits, dots, dashes or underscores (it starts file names)")
        @DefaultValue("credbridge-transcript")
        String filePrefix,

        @NotNull @DefaultValue Map<String, String> awardLevels,
        @Valid Template template,
        @NotNull @DefaultValue Map<String, String> values,

        @NotNull(message = "must be directory or sftp") @DefaultValue("directory")
        Delivery delivery,

        Path directory,
        @Valid Sftp sftp,
        @Valid Acknowledgements acknowledgements) {

    public enum Layout {
        CSV,
        XML,
        TEMPLATE
    }

    public enum Delivery {
        DIRECTORY,
        SFTP
    }

    @AssertTrue(
            message = "delivery is directory, so set credbridge.transcript.files.directory to the folder the SIS"
                    + " import job reads")
    public boolean isDirectoryGivenWhenDelivered() {
        return delivery != Delivery.DIRECTORY || directory != null;
    }

    @AssertTrue(
            message = "delivery is sftp, so set credbridge.transcript.files.sftp.host, username, password or"
                    + " private-key, and known-hosts (see the README's SIS section)")
    public boolean isSftpGivenWhenDelivered() {
        return delivery != Delivery.SFTP || sftp != null;
    }

    @AssertTrue(
            message = "layout is template, so set credbridge.transcript.files.template.location, e.g."
                    + " file:/etc/credbridge/peoplesoft-milestones.txt")
    public boolean isTemplateGivenWhenLaidOut() {
        return layout != Layout.TEMPLATE || template != null;
    }

    /**
     * @param location the template file ({@code classpath:}, {@code file:} or a path); its extension chooses how
     *     values are escaped (.xml, .json, .csv; anything else: text on one line)
     * @param extension the extension of the files written, e.g. {@code txt}, {@code dat}, {@code xml}
     */
    public record Template(
            @NotBlank(message = "must name the template file, e.g. file:/etc/credbridge/peoplesoft-milestones.txt")
            String location,

            @NotBlank
            @Pattern(regexp = "[A-Za-z0-9]+", message = "must be a file extension without the dot, e.g. txt")
            @DefaultValue("txt")
            String extension) {}

    /**
     * @param host the SFTP server
     * @param username the account CredBridge signs in as
     * @param password the account's password; or
     * @param privateKey the account's private key file (OpenSSH or PEM), with
     * @param privateKeyPassphrase its passphrase when it has one
     * @param knownHosts the server's host key as a known_hosts line ({@code ssh-keyscan -p 22 sis.example.edu}
     *     prints it); a server presenting another key is refused
     * @param remoteDirectory the server folder the import files go to
     * @param connectTimeout how long connecting and signing in may take
     * @param timeout how long the server may stay silent during a transfer before the attempt is given up
     */
    public record Sftp(
            @NotBlank(message = "must be the SFTP server's host name, e.g. sis-files.example.edu")
            String host,

            @Min(value = 1, message = "must be a TCP port, 1 to 65535, e.g. 22")
            @Max(value = 65535, message = "must be a TCP port, 1 to 65535, e.g. 22")
            @DefaultValue("22")
            int port,

            @NotBlank(message = "must be the account CredBridge signs in as")
            String username,

            String password,
            Path privateKey,
            String privateKeyPassphrase,

            @NotBlank(
                    message = "must be the server's host key as a known_hosts line, e.g. the output of"
                            + " ssh-keyscan -p 22 sis-files.example.edu")
            String knownHosts,

            @NotBlank(message = "must be the server folder for import files, e.g. /inbound/credbridge")
            @DefaultValue(".")
            String remoteDirectory,

            @NotNull @DurationMin(millis = 1, message = "must be longer than zero, e.g. 10s") @DefaultValue("10s")
            Duration connectTimeout,

            @NotNull @DurationMin(millis = 1, message = "must be longer than zero, e.g. 30s") @DefaultValue("30s")
            Duration timeout) {

        @AssertTrue(message = "set exactly one of credbridge.transcript.files.sftp.password and .private-key")
        public boolean isOneWayToSignIn() {
            return (password == null || password.isEmpty()) != (privateKey == null);
        }

        @Override
        public String toString() {
            return "sftp://" + username + "@" + host + ":" + port;
        }
    }

    /**
     * @param directory the folder the SIS leaves acknowledgement files in: a local path for directory delivery, a
     *     server path for sftp delivery
     * @param filePattern which files there are acknowledgements (a glob)
     * @param columns the acknowledgement CSV's column names (it has a header row)
     * @param acceptedValues status values that mean the record was loaded
     * @param rejectedValues status values that mean it was refused
     */
    public record Acknowledgements(
            @NotBlank(message = "must be the folder the SIS leaves acknowledgement files in, e.g. /outbound/acks")
            String directory,

            @NotBlank @DefaultValue("*.ack.csv") String filePattern,
            @Valid @NotNull @DefaultValue Columns columns,

            @NotEmpty(message = "must list the status values that mean a record was loaded, e.g. [ACCEPTED]")
            @DefaultValue("ACCEPTED")
            List<String> acceptedValues,

            @NotEmpty(message = "must list the status values that mean a record was refused, e.g. [REJECTED]")
            @DefaultValue("REJECTED")
            List<String> rejectedValues) {}

    /** Column names in the acknowledgement file; {@code code} may be absent from the file. */
    public record Columns(
            @NotBlank @DefaultValue("award_id") String awardId,
            @NotBlank @DefaultValue("action") String action,
            @NotBlank @DefaultValue("status") String status,
            @NotBlank @DefaultValue("message") String message,
            @NotBlank @DefaultValue("code") String code) {}
}
