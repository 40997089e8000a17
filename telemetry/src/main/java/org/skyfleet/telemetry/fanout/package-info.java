/**
 * Live fan-out of vehicle states and events to any number of subscribers (gRPC streams, browser
 * feeds). An update is encoded once and the same bytes go to every subscriber that wants it. Each
 * subscriber drains its own queue on a shared executor only while its transport says it is ready;
 * a slow subscriber's state queue conflates to the newest state per vehicle, so ingestion never
 * waits for anyone and memory per subscriber is bounded by the number of vehicles.
 */
package org.skyfleet.telemetry.fanout;
