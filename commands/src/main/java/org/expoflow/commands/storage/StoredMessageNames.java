package org.expoflow.commands.storage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names under which messages are stored in the event store, which outlive the packages their records are
 * kept in. Every message was stored as {@code org.expoflow.commands.api.<Name>} before the messages were sorted
 * into a package per aggregate; they keep that name, so that the store needs no upcaster and its rows read the
 * same to any tool (docs/adr/0015-messages-by-aggregate.md). A message's simple name is therefore unique across
 * the aggregates' packages.
 */
public final class StoredMessageNames {

    private static final String STORED_PACKAGE = "org.expoflow.commands.api";
    private static final List<String> AGGREGATE_PACKAGES = List.of(STORED_PACKAGE + ".task",
            STORED_PACKAGE + ".directive", STORED_PACKAGE + ".meeting", STORED_PACKAGE + ".expo", STORED_PACKAGE);
    private static final Map<String, String> CLASS_NAMES = new ConcurrentHashMap<>();

    private StoredMessageNames() {
    }

    /** The name a message of this type is stored under. */
    public static String storedName(Class<?> type) {
        String name = type.getName();
        if (isMessagePackage(type.getPackageName())) {
            return STORED_PACKAGE + "." + type.getSimpleName();
        }
        return name;
    }

    /** The class name to load for a stored name: the record of that name in its aggregate's package. */
    public static String className(String storedName) {
        if (!storedName.startsWith(STORED_PACKAGE + ".") || storedName.indexOf('.', STORED_PACKAGE.length() + 1) >= 0) {
            return storedName;
        }
        return CLASS_NAMES.computeIfAbsent(storedName, StoredMessageNames::locate);
    }

    private static String locate(String storedName) {
        String simpleName = storedName.substring(STORED_PACKAGE.length() + 1);
        ClassLoader loader = StoredMessageNames.class.getClassLoader();
        for (String candidatePackage : AGGREGATE_PACKAGES) {
            String candidate = candidatePackage + "." + simpleName;
            try {
                Class.forName(candidate, false, loader);
                return candidate;
            } catch (ClassNotFoundException notThere) {
                // try the next aggregate's package
            }
        }
        return storedName;
    }

    private static boolean isMessagePackage(String packageName) {
        return AGGREGATE_PACKAGES.contains(packageName);
    }
}
