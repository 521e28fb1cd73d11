package io.credbridge.ingest.xapi;

import com.networknt.schema.JsonNodePath;
import java.util.regex.Pattern;

/**
 * A place inside one statement: an RFC 6901 JSON Pointer for machines and a dotted field name
 * (context.contextActivities.parent[0].id) for the person who has to fix the statement.
 */
record Location(String pointer) {

    static final Location STATEMENT = new Location("");

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]*");

    static Location of(JsonNodePath path) {
        Location location = STATEMENT;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            location = element instanceof Integer index ? location.index(index) : location.child(element.toString());
        }
        return location;
    }

    Location child(String name) {
        return new Location(pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    Location index(int index) {
        return new Location(pointer + "/" + index);
    }

    String field() {
        if (pointer.isEmpty()) {
            return "the statement";
        }
        StringBuilder field = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (INDEX.matcher(name).matches()) {
                field.append('[').append(name).append(']');
            } else if (PLAIN_NAME.matcher(name).matches()) {
                field.append(field.length() == 0 ? "" : ".").append(name);
            } else {
                field.append("[\"").append(name).append("\"]");
            }
        }
        return field.toString();
    }
}
