import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { ServiceRequestDetail } from '../../../shared/service-requests.js';
import { errorMessage } from '../../api/formErrors.js';

/** A write on one request: the answer is the fresh request, so the page shows it at once. */
export function useRequestAction<V>(id: number, call: (vars: V) => Promise<ServiceRequestDetail>, success?: string) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      qc.setQueryData(['service-request', id], detail);
      void qc.invalidateQueries({ queryKey: ['service-requests'] });
      if (success) message.success(success);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
}
