package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small cloud fills up, refuses the next server, and takes one again once a server is deleted. */
class CapacityIT {

    private static final String CAROL = "carol:tenant-c";

    @TempDir
    Path dataDir;

    @Test
    void deletingAServerFreesItsHostForTheNextOne() {
        // Two cells with one host each; every host takes exactly two m1.tiny (1 vCPU, 512 MB, 1 GB).
        try (RunningPolycell polycell = RunningPolycell.start(dataDir,
                "polycell.cells.cell1.hosts=1", "polycell.cells.cell1.vcpus=2", "polycell.cells.cell1.ram-mb=1024",
                "polycell.cells.cell1.disk-gb=10",
                "polycell.cells.cell2.hosts=1", "polycell.cells.cell2.vcpus=2", "polycell.cells.cell2.ram-mb=1024",
                "polycell.cells.cell2.disk-gb=10")) {
            List<String> active = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = polycell.boot(CAROL, "fill-" + i, "1");
                Servers.awaitStatus(polycell, CAROL, id, "ACTIVE");
                active.add(id);
            }

            String overflow = polycell.boot(CAROL, "overflow", "1");
            Servers.awaitStatus(polycell, CAROL, overflow, "ERROR");

            assertThat(polycell.delete(CAROL, "/v2.1/servers/" + active.get(0)).status()).isEqualTo(204);
            Servers.awaitGone(polycell, CAROL, active.get(0));

            String next = polycell.boot(CAROL, "next", "1");
            Servers.awaitStatus(polycell, CAROL, next, "ACTIVE");

            String full = polycell.boot(CAROL, "full-again", "1");
            Servers.awaitStatus(polycell, CAROL, full, "ERROR");
        }
    }
}
