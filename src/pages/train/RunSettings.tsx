/** The settings of one run (A or B): loss, γ, α, prior init, optimizer, learning rate. */

import { SchemaSlider } from "../../components/controls/SchemaSlider";
import { OHEM_BATCHES, OHEM_RATIOS } from "../../experiment/config";
import { describeOhemKept, LOSS_LABELS } from "../../experiment/labels";
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
      {loss === "ohem" && <OhemSettings id={id} state={state} update={update} />}
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

/** OHEM's ratio and batch size, and what they keep in this toy, in words. */
function OhemSettings({ id, state, update }: Omit<RunSettingsProps, "disabled">) {
  const k = RUN_KEYS[id];
  const name = id.toUpperCase();
  const select = "rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1 tabular-nums";
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid={`run-${id}-ohem`}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2">
          <span className="w-20">Ratio</span>
          <select
            aria-label={`Run ${name} OHEM ratio`}
            value={state[k.ohem]}
            onChange={(e) => update({ [k.ohem]: e.target.value } as Partial<TrainState>)}
            className={select}
          >
            {OHEM_RATIOS.map((r) => (
              <option key={r} value={r}>
                {r === "none" ? "none" : "1:3 (SSD)"}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          Batch
          <select
            aria-label={`Run ${name} OHEM batch size`}
            value={state[k.ohemBatch]}
            onChange={(e) => update({ [k.ohemBatch]: e.target.value } as Partial<TrainState>)}
            className={select}
          >
            {OHEM_BATCHES.map((b) => (
              <option key={b} value={String(b)}>
                {b}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="text-xs text-[var(--muted)]">
        CE on the hardest locations only: it{" "}
        {describeOhemKept({
          ohemRatio: state[k.ohem],
          ohemBatch: Number(state[k.ohemBatch]),
          batchSize: state.batch,
        })}
        , averaged over them (the paper's batch per image of ∼100k anchors, scaled to our 1,024
        locations). No NMS: our locations are disjoint cells, so it would remove nothing.
      </p>
    </div>
  );
}

const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];
const WEIGHT_DECAYS = [0, 0.0001, 0.001];
const WARMUPS = [0, 100, 500];

/** The offered values, plus the current one when a link set another value. */
function choicesWith(offered: readonly number[], current: number): number[] {
  return offered.includes(current) ? [...offered] : [...offered, current].sort((a, b) => a - b);
}

function learningRates(current: number): number[] {
  return choicesWith(LEARNING_RATES, current);
}

/** The SGD recipe's shared settings: weight decay and warm-up (Adam runs train without). */
export function RecipeSettings({
  state,
  update,
}: {
  state: TrainState;
  update: (patch: Partial<TrainState>) => void;
}) {
  const select =
    "rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1 tabular-nums text-sm";
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
      <label className="flex items-center gap-2">
        SGD weight decay
        <select
          value={String(state.wd)}
          onChange={(e) => update({ wd: Number(e.target.value) })}
          className={select}
        >
          {choicesWith(WEIGHT_DECAYS, state.wd).map((v) => (
            <option key={v} value={String(v)}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        SGD warm-up
        <select
          value={String(state.warmup)}
          onChange={(e) => update({ warmup: Number(e.target.value) })}
          className={select}
        >
          {choicesWith(WARMUPS, state.warmup).map((v) => (
            <option key={v} value={String(v)}>
              {v === 0 ? "none" : `${v} steps`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
