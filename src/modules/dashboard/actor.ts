// The staff member acting in the dashboard, as the services need it (id for history, name for emails).
export interface Actor {
  id: number;
  name: string;
  email: string;
}
