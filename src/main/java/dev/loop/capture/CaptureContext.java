package dev.loop.capture;

import dev.loop.core.Services;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;

/** What every capture flow is built with. */
record CaptureContext(Services services, IssueActions actions, IssueStore store) {}
