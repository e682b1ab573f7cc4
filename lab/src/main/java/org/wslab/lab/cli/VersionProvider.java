package org.wslab.lab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code wslab --version}: the project version (filtered into {@code wslab-version.properties}) and the runtime. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/wslab-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "wslab " + p.getProperty("version", "(unknown version)"),
            "Jetty " + p.getProperty("jetty", "?") + ", Java " + System.getProperty("java.version")
        };
    }
}
