package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A registered application command; {@code json} is what Discord returns for it. */
record CommandState(long id, long guildId, String name, int type, ObjectNode json) {}
