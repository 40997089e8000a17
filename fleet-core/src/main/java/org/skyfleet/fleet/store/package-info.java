/**
 * The store port: what must outlive a restart of the control plane (incidents with their timelines,
 * the audit chain, sightings, unit assignments, control leases, each vehicle's position history), one
 * interface per aggregate, gathered by {@link org.skyfleet.fleet.store.Store}.
 *
 * <p>The rule every implementation keeps: a call that returns has made its write durable, so a caller
 * may acknowledge it. {@link org.skyfleet.fleet.store.InMemoryStore} is the fake for tests;
 * {@link org.skyfleet.fleet.store.jdbc.JdbcStore} is the adapter (embedded H2 or PostgreSQL).
 */
package org.skyfleet.fleet.store;
