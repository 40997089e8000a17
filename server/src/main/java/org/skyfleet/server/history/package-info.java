/** What the fleet did, written to the store for replay: vehicles as they link and their positions at about 1 Hz. */
package org.skyfleet.server.history;
