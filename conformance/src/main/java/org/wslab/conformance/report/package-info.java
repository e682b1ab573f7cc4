/** A run's reports: {@code results.json} ({@link org.wslab.conformance.report.JsonResults}) and JUnit XML. */
package org.wslab.conformance.report;
