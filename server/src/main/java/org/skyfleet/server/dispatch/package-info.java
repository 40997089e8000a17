/** DispatchService: ground units' positions in, assignments out. */
package org.skyfleet.server.dispatch;
