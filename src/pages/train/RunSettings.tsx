/** The settings of one run (A or B): loss, γ, α, prior init, optimizer, learning rate. */

import { SchemaSlider } from "../../components/controls/SchemaSlider";
import { LOSS_LABELS } from "../../experiment/labels";
import type { RunId } from "../../experiment/protocol";
import { RUN_KEYS, TRAIN_SCHEMA, type TrainState } from "../../state/train";

interface RunSettingsProps {
  id: RunId;
  state: TrainState;
  update: (patch: Partial<TrainState>) => void;
  disabled?: boolean;
}

export function RunSettings({ id, state, update, disabled }: RunSettingsProps) {
  const k = RUN_KEYS[id];
  const loss = state[k.loss];
  const usesGamma = loss === "fl" || loss === "alpha-fl";
  const usesAlpha = loss === "alpha-ce" || loss === "alpha-fl";
  const name = id.toUpperCase();
  return (
    <fieldset
      className="flex flex-col gap-2 rounded-lg border border-[var(--grid)] p-3"
      disabled={disabled}
      data-testid={`run-${id}-settings`}
    >
      <legend className="px-1 text-sm font-semibold">
        Run {name}{" "}
        <span className={id === "a" ? "text-[var(--c-ce)]" : "text-[var(--c-fl)]"}>■</span>
      </legend>
      <label className="flex items-center gap-2 text-sm">
        <span className="w-20">Loss</span>
        <select
          aria-label={`Run ${name} loss`}
          value={loss}
          onChange={(e) => update({ [k.loss]: e.target.value } as Partial<TrainState>)}
          className="flex-1 rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1"
        >
          {TRAIN_SCHEMA.aLoss.values.map((v) => (
            <option key={v} value={v}>
              {LOSS_LABELS[v]}
            </option>
          ))}
        </select>
      </label>
      {usesGamma && (
        <SchemaSlider
          param={TRAIN_SCHEMA[k.gamma]}
          label="γ"
          name={`Run ${name} gamma`}
          value={state[k.gamma]}
          onChange={(v) => update({ [k.gamma]: v } as Partial<TrainState>)}
        />
      )}
      {usesAlpha && (
        <SchemaSlider
          param={TRAIN_SCHEMA[k.alpha]}
          label="α"
          name={`Run ${name} alpha`}
          value={state[k.alpha]}
          onChange={(v) => update({ [k.alpha]: v } as Partial<TrainState>)}
        />
      )}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={state[k.prior]}
          onChange={(e) => update({ [k.prior]: e.target.checked } as Partial<TrainState>)}
          className="accent-[var(--accent)]"
        />
        Prior init (π = 0.01)
      </label>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-2">
          <span className="w-20">Optimizer</span>
          <select
            aria-label={`Run ${name} optimizer`}
            value={state[k.opt]}
            onChange={(e) => update({ [k.opt]: e.target.value } as Partial<TrainState>)}
            className="rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1"
          >
            <option value="adam">Adam</option>
            <option value="sgd">SGD + momentum 0.9</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <span>lr</span>
          <select
            aria-label={`Run ${name} learning rate`}
            value={String(state[k.lr])}
            onChange={(e) => update({ [k.lr]: Number(e.target.value) } as Partial<TrainState>)}
            className="rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1 tabular-nums"
          >
            {learningRates(state[k.lr]).map((lr) => (
              <option key={lr} value={String(lr)}>
                {lr}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}

const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];

/** The offered learning rates, plus the current one when a link set another value. */
function learningRates(current: number): number[] {
  return LEARNING_RATES.includes(current)
    ? LEARNING_RATES
    : [...LEARNING_RATES, current].sort((a, b) => a - b);
}
