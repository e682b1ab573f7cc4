package org.wslab.lab.cli;

/** The {@code wslab stomp} cases against {@code wslab serve --engine jetty}. */
class StompCommandOnJettyTest extends StompCommandCases {
    @Override
    String engine() {
        return "jetty";
    }
}
