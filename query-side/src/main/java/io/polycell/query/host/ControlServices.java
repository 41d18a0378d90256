package io.polycell.query.host;

import java.util.List;

/** The control services the API process runs, supplied by the assembly that starts them. */
@FunctionalInterface
public interface ControlServices {

    /** Every control service, conductors first. */
    List<ControlService> all();
}
