package io.polycell.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.listing.Deletion;
import io.polycell.messages.listing.ServerField;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.messages.listing.SortKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

class ServerListQueryTest {

    private static final Requester MEMBER = new Requester("bob", "p1", false);
    private static final Requester ADMIN = new Requester("root", "admin", true);

    @Test
    void aMemberListsTheirProjectAndAdminOnlyFiltersAreIgnored() {
        ServerQuery query = parse(MEMBER, "host=h1&deleted=true&user_id=alice&project_id=p2&node=n");

        assertThat(query.projectId()).isEqualTo("p1");
        assertThat(query.host()).isNull();
        assertThat(query.userId()).isNull();
        assertThat(query.deletion()).isEqualTo(Deletion.LIVE);
        assertThat(parse(MEMBER, 83, "user_id=alice").userId())
                .as("members may filter by user from 2.83").isEqualTo("alice");
    }

    @Test
    void anAdminNamesAProjectOnlyWithAllTenants() {
        assertThat(parse(ADMIN, "project_id=p2").projectId()).isEqualTo("admin");
        assertThat(parse(ADMIN, "all_tenants=1&project_id=p2").projectId()).isEqualTo("p2");
        assertThat(parse(ADMIN, "all_tenants&tenant_id=p3").projectId()).isEqualTo("p3");
        assertThat(parse(ADMIN, "all_tenants=true").projectId()).isNull();
        assertThat(parse(ADMIN, "all_tenants=0").projectId()).isEqualTo("admin");
        assertThat(parse(ADMIN, "all_tenants=1&host=h1&node=h2").host()).isEqualTo("h1");
    }

    @Test
    void changesSinceBringsDeletedServersUnlessDeletedSaysOtherwise() {
        ServerQuery since = parse(MEMBER, "changes-since=2026-11-21T10:00:00Z");
        assertThat(since.changesSince()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(since.deletion()).isEqualTo(Deletion.ANY);
        assertThat(parse(MEMBER, "changes-since=2026-11-21T10:00:00").changesSince())
                .as("no offset is UTC").isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(parse(ADMIN, "changes-since=2026-11-21T10:00:00%2B01:00&deleted=false").deletion())
                .isEqualTo(Deletion.LIVE);
        assertThat(parse(ADMIN, "deleted=true").deletion()).isEqualTo(Deletion.DELETED);
        assertThat(parse(ADMIN, "status=deleted").deletion()).isEqualTo(Deletion.DELETED);
    }

    @Test
    void sortKeysAndDirectionsPairUpAsInNova() {
        assertThat(parse(MEMBER, "").order()).isEqualTo(ServerQuery.DEFAULT_ORDER);
        assertThat(parse(MEMBER, "sort_key=display_name").order()).containsExactly(
                new SortKey(ServerField.NAME, true), new SortKey(ServerField.CREATED_AT, true),
                new SortKey(ServerField.ID, true));
        assertThat(parse(MEMBER, "sort_key=display_name&sort_key=launched_at&sort_dir=asc").order())
                .as("a missing direction is the first one").containsExactly(
                        new SortKey(ServerField.NAME, false), new SortKey(ServerField.LAUNCHED_AT, false),
                        new SortKey(ServerField.CREATED_AT, false), new SortKey(ServerField.ID, false));
        assertThat(parse(MEMBER, "sort_key=deleted&sort_dir=asc&sort_key=display_name&sort_dir=desc").order())
                .as("an ignored key goes with its direction").containsExactly(
                        new SortKey(ServerField.NAME, true), new SortKey(ServerField.CREATED_AT, true),
                        new SortKey(ServerField.ID, true));
        assertThat(parse(MEMBER, "sort_key=uuid&sort_dir=asc&sort_key=display_name").order())
                .as("nothing after the id changes the order").containsExactly(new SortKey(ServerField.ID, false));
        assertThat(parse(MEMBER, "sort_key=key_name&sort_dir=asc").order()).as("a key no server has a value for")
                .containsExactly(new SortKey(ServerField.CREATED_AT, false), new SortKey(ServerField.ID, false));
        assertThat(parse(ADMIN, "sort_key=node&sort_key=host").order().get(0))
                .isEqualTo(new SortKey(ServerField.HOST, true));
    }

    @Test
    void badValuesAreRefusedWithNovasMessages() {
        assertRefused(MEMBER, "sort_key=colour", "Invalid input for query parameters sort_key. Value: colour.");
        assertRefused(MEMBER, "sort_key=uuid&sort_dir=sideways",
                "Invalid input for query parameters sort_dir. Value: sideways. 'sideways' is not one of ['asc', 'desc']");
        assertRefused(MEMBER, "sort_dir=asc", "Invalid input received: Sort direction size exceeds sort key size");
        assertRefused(MEMBER, "sort_key=node", "Only administrators can sort servers by node");
        assertRefused(MEMBER, "name=(", "Invalid input for query parameters name. Value: (. '(' is not a 'regex'");
        assertRefused(MEMBER, "ip=*", "Invalid input for query parameters ip. Value: *. '*' is not a 'regex'");
        assertRefused(MEMBER, "changes-since=soon",
                "Invalid input for query parameters changes-since. Value: soon. 'soon' is not a 'date-time'");
        assertRefused(MEMBER, "limit=ten", "limit param must be an integer");
        assertRefused(MEMBER, "all_tenants=1",
                "Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed.");
        assertRefused(MEMBER, "status=DELETED", "Only administrators may list deleted instances");
        assertThat(parse(MEMBER, "status=FROZEN").statuses()).as("2.1 lists nothing for it").containsExactly("FROZEN");
        assertThatThrownBy(() -> parse(MEMBER, 38, "status=FROZEN")).isInstanceOf(PolycellException.class)
                .hasMessage("Invalid status value");
    }

    @Test
    void anAddressFilterMatchesNothingSinceServersHaveNoAddresses() {
        assertThat(parse(MEMBER, "ip=10.0.0.1").matchesNothing()).isTrue();
        assertThat(parse(MEMBER, "ip6=fe80::").matchesNothing()).isTrue();
        assertThat(parse(MEMBER, "image=http://glance/v2/images/abc").imageId()).isEqualTo("abc");
        assertThat(parse(MEMBER, "limit=5000").limit()).isEqualTo(1000);
    }

    private static void assertRefused(Requester requester, String query, String message) {
        assertThatThrownBy(() -> parse(requester, query)).isInstanceOf(PolycellException.class)
                .hasMessageStartingWith(message);
    }

    private static ServerQuery parse(Requester requester, String query) {
        return parse(requester, 1, query);
    }

    private static ServerQuery parse(Requester requester, int minor, String query) {
        MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString("/servers?" + query).build(true)
                .getQueryParams();
        MultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
        params.forEach((key, values) -> values.forEach(value -> decoded.add(key,
                value == null ? "" : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))));
        return ServerListQuery.parse(requester, new ApiVersion(2, minor), decoded);
    }
}
