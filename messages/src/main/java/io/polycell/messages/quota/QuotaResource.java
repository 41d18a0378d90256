package io.polycell.messages.quota;

import java.util.Arrays;
import java.util.Optional;

/**
 * The resources of a quota set, by Nova's names and in Nova's order (alphabetical by name). Polycell
 * counts instances, cores, ram, server groups, the members of each group and each user's key pairs;
 * metadata items are checked per request; the others have a limit and no usage, for clients that
 * read or set them.
 */
public enum QuotaResource {
    /** Virtual CPUs of the project's servers. */
    CORES("cores"),
    /** Fixed IPs (nova-network; no usage here, and gone from 2.36). */
    FIXED_IPS("fixed_ips"),
    /** Floating IPs (nova-network; no usage here, and gone from 2.36). */
    FLOATING_IPS("floating_ips"),
    /** Bytes of one injected file (personality; no usage, and gone from 2.57). */
    INJECTED_FILE_CONTENT_BYTES("injected_file_content_bytes"),
    /** Bytes of one injected file's path (personality; no usage, and gone from 2.57). */
    INJECTED_FILE_PATH_BYTES("injected_file_path_bytes"),
    /** Injected files per server (personality; no usage, and gone from 2.57). */
    INJECTED_FILES("injected_files"),
    /** Servers of the project, whatever their state, until they are deleted. */
    INSTANCES("instances"),
    /** Key pairs of one user (counted per user, shown as 0 in use, as Nova does). */
    KEY_PAIRS("key_pairs"),
    /** Metadata items of one server, checked on each request (never in use). */
    METADATA_ITEMS("metadata_items"),
    /** RAM of the project's servers, in MB. */
    RAM("ram"),
    /** Security group rules (nova-network; no usage here, and gone from 2.36). */
    SECURITY_GROUP_RULES("security_group_rules"),
    /** Security groups (nova-network; no usage here, and gone from 2.36). */
    SECURITY_GROUPS("security_groups"),
    /** Servers of one user in one server group (counted per group, shown as 0 in use, as Nova does). */
    SERVER_GROUP_MEMBERS("server_group_members"),
    /** Server groups of the project. */
    SERVER_GROUPS("server_groups");

    private final String wireName;

    QuotaResource(String wireName) {
        this.wireName = wireName;
    }

    /** The name in Nova's quota sets and in its quota error messages. */
    public String wireName() {
        return wireName;
    }

    public static Optional<QuotaResource> fromWireName(String name) {
        return Arrays.stream(values()).filter(resource -> resource.wireName.equals(name)).findFirst();
    }
}
