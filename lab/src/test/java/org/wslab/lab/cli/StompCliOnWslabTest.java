package org.wslab.lab.cli;

/** The {@code wslab stomp} cases against {@code wslab serve --engine wslab}. */
class StompCliOnWslabTest extends StompCliCases {
    @Override
    String engine() {
        return "wslab";
    }
}
