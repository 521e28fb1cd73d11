package io.credbridge.badge;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An award's place in its issuer's revocation list: the credential's {@code credentialStatus}, a W3C
 * {@code BitstringStatusListEntry}.
 *
 * @param listUrl the status list credential's URL, which is also its id
 * @param index the award's bit in that list
 */
public record StatusListEntry(String listUrl, int index) {

    static final String PURPOSE = "revocation";

    void writeTo(ObjectNode credential) {
        ObjectNode status = credential.putObject("credentialStatus");
        status.put("id", listUrl + "#" + index);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", PURPOSE);
        // The spec types the index as a string holding a base-10 integer.
        status.put("statusListIndex", Integer.toString(index));
        status.put("statusListCredential", listUrl);
    }
}
