// The ordered list of schema migrations. Add a new file and register it here; never edit an applied one.
// Numbering: 001-009 core, 010-019 widget, 020-029 flows (returns, tickets, mail), 030-039 dashboard.
import type { AuroraMigration } from './helpers';
import { coreMigration } from './001_core';
import { widgetMigration } from './010_widget';
import { widgetLimitsMigration } from './011_widget_limits';
import { flowsMigration } from './020_flows';
import { flowsDeliveryMigration } from './021_flows_delivery';
import { dashboardMigration } from './030_dashboard';
import { dashboardLoginAndAnalyticsMigration } from './031_dashboard_login_and_analytics';
import { analyticsDailyMigration } from './032_analytics_daily';
import { orderWebhookDeliveriesMigration } from './042_order_webhook_deliveries';
import { limitAttemptsMigration } from './041_limit_attempts';
import { inboundEmailMigration } from './043_inbound_email';
import { deadlinesMigration } from './044_deadlines';
import { rmaStatusMigration } from './045_rma_status';
import { llmTurnsMigration } from './046_llm_turns';
import { liveMigration } from './050_live';
import { workInVolumeMigration } from './054_work_in_volume';

export const migrations: Record<string, AuroraMigration> = {
  '001_core': coreMigration,
  '010_widget': widgetMigration,
  '011_widget_limits': widgetLimitsMigration,
  '020_flows': flowsMigration,
  '021_flows_delivery': flowsDeliveryMigration,
  '030_dashboard': dashboardMigration,
  '031_dashboard_login_and_analytics': dashboardLoginAndAnalyticsMigration,
  '032_analytics_daily': analyticsDailyMigration,
  '042_order_webhook_deliveries': orderWebhookDeliveriesMigration,
  '041_limit_attempts': limitAttemptsMigration,
  '043_inbound_email': inboundEmailMigration,
  '044_deadlines': deadlinesMigration,
  '045_rma_status': rmaStatusMigration,
  '046_llm_turns': llmTurnsMigration,
  '050_live': liveMigration,
  '054_work_in_volume': workInVolumeMigration,
};
