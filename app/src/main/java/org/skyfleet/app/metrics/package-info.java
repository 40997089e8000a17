/** Gauges over the fleet and the fan-out, registered with Micrometer and scraped as Prometheus text. */
package org.skyfleet.app.metrics;
