package org.wslab.lab.cli;

/** The {@code wslab stomp} cases against {@code wslab serve --engine wslab}. */
class StompCommandOnWslabTest extends StompCommandCases {
    @Override
    String engine() {
        return "wslab";
    }
}
