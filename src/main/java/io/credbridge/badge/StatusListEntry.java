package io.credbridge.badge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An award's place in its issuer's status lists: the credential's {@code credentialStatus}, a W3C
 * {@code BitstringStatusListEntry} on the revocation list and, for a definition that allows suspension, a second one
 * at the same index of the suspension list of the same number.
 *
 * @param listUrl the revocation list credential's URL, which is also its id
 * @param index the award's bit in that list (and in the suspension list)
 * @param suspensionListUrl the suspension list credential's URL; null when the award cannot be suspended
 */
public record StatusListEntry(String listUrl, int index, String suspensionListUrl) {

    static final String PURPOSE = "revocation";
    static final String SUSPENSION = "suspension";

    StatusListEntry(String listUrl, int index) {
        this(listUrl, index, null);
    }

    /**
     * One entry as an object, as OB 3.0 has it; two as an array, as VC 2.0 allows (the OB 3.0 JSON Schema takes a
     * single object, so a credential that can be suspended does not pass that schema; see the README).
     */
    void writeTo(ObjectNode credential) {
        if (suspensionListUrl == null) {
            entry(credential.putObject("credentialStatus"), listUrl, PURPOSE);
            return;
        }
        ArrayNode statuses = credential.putArray("credentialStatus");
        entry(statuses.addObject(), listUrl, PURPOSE);
        entry(statuses.addObject(), suspensionListUrl, SUSPENSION);
    }

    private void entry(ObjectNode status, String url, String purpose) {
        status.put("id", url + "#" + index);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", purpose);
        // The spec types the index as a string holding a base-10 integer.
        status.put("statusListIndex", Integer.toString(index));
        status.put("statusListCredential", url);
    }
}
