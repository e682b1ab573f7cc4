package org.wslab.lab.cli;

/** The {@code wslab stomp} cases against {@code wslab serve --engine jetty}. */
class StompCliOnJettyTest extends StompCliCases {
    @Override
    String engine() {
        return "jetty";
    }
}
