package io.polycell.compute.driver.libvirt;

import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/** Reads libvirt's error codes, which are the only reliable way to tell "not there" from "failed". */
final class LibvirtErrors {

    private LibvirtErrors() {
    }

    static boolean is(LibvirtException e, ErrorNumber code) {
        return e.getError() != null && e.getError().getCode() == code;
    }

    static boolean isNoDomain(LibvirtException e) {
        return is(e, ErrorNumber.VIR_ERR_NO_DOMAIN);
    }
}
