/** The catalogue as JUnit 5 dynamic tests: {@link org.wslab.conformance.junit.ConformanceTests#against}. */
package org.wslab.conformance.junit;
