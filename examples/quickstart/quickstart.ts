import { apiKey } from '@signet/core';
import { withAuth } from '@signet/fetch';

const api = withAuth(fetch, apiKey({ key: process.env.API_KEY! }), { origins: 'https://api.example.com' });
const response = await api('https://api.example.com/v1/orders');
console.log(response.status, await response.json());
