package io.polycell.compute.driver.libvirt;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.ErrorCallback;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.jna.virError;

/**
 * The native side of libvirt-java, checked once before anything else touches it. JNA loads
 * {@code libvirt.so} lazily in a static initializer: a missing library shows up as an
 * {@link UnsatisfiedLinkError} on the first call and as a {@link NoClassDefFoundError} on every call
 * after, neither of which tells an operator what to install.
 */
final class LibvirtLibrary {

    /**
     * Swallows libvirt's default error report, which prints every error to stderr, including expected
     * ones such as a lookup of a guest that is not there. Each error still reaches the driver as a
     * {@link LibvirtException}. Held in a static field because libvirt keeps only a native pointer to it.
     */
    private static final ErrorCallback QUIET = new ErrorCallback() {
        @Override
        public void errorCallback(Pointer userData, virError error) {
            // reported through LibvirtException instead
        }
    };

    private LibvirtLibrary() {
    }

    /** Loads the library, silences its stderr reports, and returns its version (major * 1,000,000 + ...). */
    static synchronized long requireInstalled() {
        try {
            long version = Library.getVersion();
            Connect.setErrorCallback(QUIET);
            return version;
        } catch (LinkageError e) {
            throw new DriverUnavailableException(explain(e));
        } catch (LibvirtException e) {
            throw new DriverUnavailableException("libvirt's client library does not work: " + e.getMessage());
        }
    }

    /** An operator's reading of a failure to load libvirt-java's native parts. */
    static String explain(LinkageError error) {
        String detail = String.valueOf(error.getMessage());
        if (detail.contains("com/sun/jna")) {
            return "JNA is missing from the agent's classpath (net.java.dev.jna:jna); libvirt-java needs it";
        }
        return "libvirt's client library is not installed: install the libvirt0 package (apt-get install libvirt0)";
    }
}
