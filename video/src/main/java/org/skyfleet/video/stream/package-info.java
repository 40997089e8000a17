/**
 * Each vehicle's stream kept alive: its source, the ingest runs restarted with back-off, the stall
 * watchdog, its measured rate and its status.
 */
package org.skyfleet.video.stream;
