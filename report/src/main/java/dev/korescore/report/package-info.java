/**
 * The visual audit report: one self-contained HTML file (inline CSS, JavaScript and SVG, no network at
 * render or view time) drawn from an audit's aggregate summary. {@link
 * dev.korescore.report.AuditReportModel} is what the page shows; {@link
 * dev.korescore.report.HtmlAuditReport} renders it with an HTML-escaping template engine
 * (JMustache), draws the charts as SVG in Java, and embeds the problem explanations as an escaped JSON
 * data island.
 */
package dev.korescore.report;
