/**
 * The store port over JDBC: embedded H2 (a file under the data directory, PostgreSQL compatibility
 * mode) by default, PostgreSQL when configured by URL. One schema, {@code db/migration/V1__schema.sql},
 * migrated by Flyway when the store opens; SQL that both databases accept, so one code path serves both.
 *
 * <p>Every write is one transaction, committed before the method returns: an acknowledged write is
 * durable. Upserts are "update, insert if nothing was updated", retried once if a concurrent insert won.
 */
package org.skyfleet.fleet.store.jdbc;
